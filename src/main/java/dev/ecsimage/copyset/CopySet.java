package dev.ecsimage.copyset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A set of copies of one source image, one {@link Copy} per destination region in the order the
 * user gave: what {@code copy} produces and prints, what {@code status --from} and
 * {@code cancel --from} read back, and what an interrupted run still prints. The central value
 * of ecs-image.
 *
 * <p>Thread-safe: the command updates it while the abort hook (Ctrl-C, SIGTERM) may take a
 * {@link #snapshot()} at any time. Once {@link #close() closed} no new CopyImage may start, so a
 * snapshot taken then stays the record of what was sent.
 */
public final class CopySet {
    private final String sourceRegion;
    private final String sourceImageId;
    private final Map<String, Copy> copies = new LinkedHashMap<>();
    private boolean closed;

    public CopySet(String sourceRegion, String sourceImageId, List<Copy> copies) {
        this.sourceRegion = sourceRegion;
        this.sourceImageId = sourceImageId;
        for (Copy c : copies) {
            if (this.copies.putIfAbsent(c.region(), c) != null) {
                throw new IllegalArgumentException("region " + c.region() + " is in the copy set twice");
            }
        }
    }

    public String sourceRegion() {
        return sourceRegion;
    }

    public String sourceImageId() {
        return sourceImageId;
    }

    /** Adds a destination at the end (before its CopyImage). */
    public synchronized void add(Copy copy) {
        if (copies.putIfAbsent(copy.region(), copy) != null) {
            throw new IllegalArgumentException("region " + copy.region() + " is in the copy set twice");
        }
    }

    /** Replaces the copy to {@code region} by what {@code change} makes of it. */
    public synchronized void update(String region, UnaryOperator<Copy> change) {
        Copy before = copies.get(region);
        if (before == null) {
            throw new IllegalArgumentException("region " + region + " is not in the copy set");
        }
        copies.put(region, change.apply(before));
        notifyAll();
    }

    public synchronized Copy get(String region) {
        return copies.get(region);
    }

    /** The copies, in order, as they are now. */
    public synchronized List<Copy> copies() {
        return List.copyOf(copies.values());
    }

    /**
     * Marks the copy to {@code region} as requested (CopyImage about to be sent), unless the set
     * is closed: then nothing may be sent any more.
     *
     * @return false when closed
     */
    public synchronized boolean startRequest(String region) {
        if (closed) {
            return false;
        }
        update(region, c -> c.withStatus(Copy.REQUESTING));
        return true;
    }

    /** No CopyImage may start from now on (the run is ending). */
    public synchronized void close() {
        closed = true;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Whether a CopyImage was sent and its answer has not come yet. */
    public synchronized boolean requestInFlight() {
        return copies.values().stream().anyMatch(c -> Copy.REQUESTING.equals(c.status()));
    }

    /**
     * A copy of the set as it is now, for printing: a CopyImage still in flight shows as
     * {@link Copy#UNKNOWN} (its ClientToken finds it again).
     */
    public synchronized CopySet snapshot() {
        List<Copy> now = new ArrayList<>();
        for (Copy c : copies.values()) {
            now.add(Copy.REQUESTING.equals(c.status()) ? c.withStatus(Copy.UNKNOWN) : c);
        }
        return new CopySet(sourceRegion, sourceImageId, now);
    }
}
