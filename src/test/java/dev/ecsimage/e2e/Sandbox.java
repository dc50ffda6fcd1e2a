package dev.ecsimage.e2e;

import dev.ecsimage.sandbox.Faults;
import dev.ecsimage.sandbox.SandboxKeys;
import dev.ecsimage.sandbox.SandboxServer;
import dev.ecsimage.sandbox.SimulatedEcs;
import dev.ecsimage.transport.Sleeper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The sandbox HTTP endpoint of {@code ecs-image sandbox serve}, run inside the test JVM so a test
 * can set its faults and count what reached it, with a launcher pointed at it.
 */
final class Sandbox implements AutoCloseable {
    static final String DEMO = "m-bp1ujzde8gxd6ncf10ep";
    static final String SLOW = "m-bp1ht9lgmxg9edn581u3";
    static final String FLAKY = "m-bp1kvj50ce9uvw53efr4";

    final SandboxServer server;

    Sandbox(double speed, Faults faults) throws IOException {
        this(speed, faults, Sleeper.SYSTEM);
    }

    /** @param delays sleeps the request delay of {@code faults} (a {@link Gate} holds requests for a test) */
    Sandbox(double speed, Faults faults, Sleeper delays) throws IOException {
        server = SandboxServer.start(new SimulatedEcs(Clock.systemUTC(), speed), 0, faults, Clock.systemUTC(),
                delays, line -> { });
    }

    /** A launcher with the sandbox's keys and endpoint in its environment, as a user would set them. */
    Launcher launcher(Path home) {
        return new Launcher(home)
                .env("ALIBABA_CLOUD_ACCESS_KEY_ID", SandboxKeys.ACCESS_KEY_ID)
                .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SandboxKeys.ACCESS_KEY_SECRET)
                .env("ECS_IMAGE_ENDPOINT", server.url().toString());
    }

    SimulatedEcs ecs() {
        return server.ecs();
    }

    @Override
    public void close() {
        server.close();
    }
}
