package dev.ecsimage.sandbox;

import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.RequestSigner;
import dev.ecsimage.transport.Transport;
import java.time.Clock;

/**
 * A {@link Transport} that hands every call straight to a {@link SimulatedEcs} in this process:
 * no network, no credentials, no signature. Parameters with empty values are dropped, as the
 * real transport drops them.
 */
public final class InProcessTransport implements Transport {
    private final SimulatedEcs ecs;

    public InProcessTransport(SimulatedEcs ecs) {
        this.ecs = ecs;
    }

    /** A transport to a fresh simulator with the seeded account. */
    public static InProcessTransport create(Clock clock, double speedPercentPerSecond) {
        return new InProcessTransport(new SimulatedEcs(clock, speedPercentPerSecond));
    }

    public SimulatedEcs ecs() {
        return ecs;
    }

    @Override
    public RawResponse send(ApiCall call) {
        ApiAnswer answer = ecs.handle(call.action(), RequestSigner.nonEmpty(call.params()));
        return new RawResponse(answer.status(), answer.json(), "sandbox:" + call.region(), "");
    }
}
