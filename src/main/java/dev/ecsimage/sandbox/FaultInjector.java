package dev.ecsimage.sandbox;

import java.util.function.DoubleSupplier;

/** Decides, request by request, which of the configured {@link Faults} fire. Thread-safe. */
final class FaultInjector {
    enum Kind { DROP_BEFORE, THROTTLE, SERVER_ERROR, DROP_AFTER }

    private final Faults faults;
    private final DoubleSupplier random;
    private final int[] left = new int[Kind.values().length];

    FaultInjector(Faults faults, DoubleSupplier random) {
        this.faults = faults;
        this.random = random;
        for (Kind kind : Kind.values()) {
            left[kind.ordinal()] = fault(kind).count();
        }
    }

    synchronized boolean fires(Kind kind, String action) {
        if (!faults.appliesTo(action)) {
            return false;
        }
        if (left[kind.ordinal()] > 0) {
            left[kind.ordinal()]--;
            return true;
        }
        double rate = fault(kind).rate();
        return rate > 0 && random.getAsDouble() < rate;
    }

    private Faults.Fault fault(Kind kind) {
        return switch (kind) {
            case DROP_BEFORE -> faults.dropBefore();
            case THROTTLE -> faults.throttle();
            case SERVER_ERROR -> faults.serverError();
            case DROP_AFTER -> faults.dropAfter();
        };
    }
}
