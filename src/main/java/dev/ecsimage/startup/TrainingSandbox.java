package dev.ecsimage.startup;

import dev.ecsimage.sandbox.Faults;
import dev.ecsimage.sandbox.SandboxServer;
import dev.ecsimage.sandbox.SimulatedEcs;
import dev.ecsimage.transport.Sleeper;
import java.io.IOException;
import java.time.Clock;

/**
 * The sandbox {@link Training} talks to, in a JVM of its own: prints its URL, then serves until
 * its stdin ends (the training ended, or died).
 */
final class TrainingSandbox {
    /** Percent per second: the followed copy takes about a second, the slow one (cancelled) ten. */
    private static final double SPEED = 100;

    private TrainingSandbox() {}

    public static void main(String[] args) throws IOException {
        Clock clock = Clock.systemUTC();
        try (SandboxServer server = SandboxServer.start(new SimulatedEcs(clock, SPEED), 0, Faults.NONE, clock,
                Sleeper.SYSTEM, line -> { })) {
            System.out.println(server.url());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until end of input
            }
        }
        System.exit(0);
    }
}
