package dev.ecsimage.watch;

import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.Image;
import java.time.Duration;

/** What a watch reports while it runs; the command layer turns it into progress on stderr. */
public interface WatchListener {
    WatchListener NONE = new WatchListener() {};

    /** Every poll of a target that the service listed. */
    default void seen(Target target, Image image) {}

    /** A target's wait ended. */
    default void finished(TargetResult result) {}

    /** A poll failed with a transient error; the next poll comes after {@code retryIn}. */
    default void transientError(String region, EcsException error, Duration retryIn) {}
}
