package dev.ecsimage.sandbox;

import java.time.Duration;

/**
 * Failures {@link SandboxServer} injects for rehearsals. Each kind fires for the first
 * {@code count} requests that reach it, then at random with probability {@code rate}. A request
 * meets the kinds in this order and the first that fires ends it, so counts add up in sequence:
 * with one drop and two throttles, request 1 is dropped, 2 and 3 are throttled.
 *
 * @param dropBefore  the connection is closed before the simulator acts (nothing happened)
 * @param throttle    HTTP 400 Throttling.User
 * @param serverError HTTP 503 ServiceUnavailable
 * @param dropAfter   the simulator acts (a copy is created), then the connection is closed unanswered
 * @param delay       every request waits this long first (zero for none)
 * @param onlyAction  faults and delay apply only to this action (e.g. CopyImage), null for all
 */
public record Faults(Fault dropBefore, Fault throttle, Fault serverError, Fault dropAfter, Duration delay,
                     String onlyAction) {
    public static final Faults NONE = new Faults(Fault.NEVER, Fault.NEVER, Fault.NEVER, Fault.NEVER, Duration.ZERO, null);

    /** How often one kind of failure happens. */
    public record Fault(int count, double rate) {
        public static final Fault NEVER = new Fault(0, 0);

        public Fault {
            if (count < 0 || !(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("a fault needs a count >= 0 and a rate between 0 and 1");
            }
        }
    }

    boolean appliesTo(String action) {
        return onlyAction == null || onlyAction.equals(action);
    }
}
