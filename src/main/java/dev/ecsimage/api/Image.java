package dev.ecsimage.api;

import java.time.Duration;
import java.util.Set;

/**
 * An image as DescribeImages shows it, with what ecs-image needs to follow a copy.
 *
 * @param status           as the service says it; null when it did not say (unknown: never final).
 *                         It may also be one ecs-image does not know ({@link #isKnownStatus()})
 * @param progress         percent, 0 to 100; null when the service did not say or said something
 *                         that is not a number
 * @param remainingSeconds null when unknown, or when the service's figure is negative or more than
 *                         {@link #MAX_REMAINING} away
 */
public record Image(String region, String imageId, String name, String status, Integer progress,
                    Long remainingSeconds) {

    public static final String CREATING = "Creating";
    public static final String AVAILABLE = "Available";
    public static final String WAITING = "Waiting";
    public static final String CREATE_FAILED = "CreateFailed";
    public static final String UNAVAILABLE = "UnAvailable";
    public static final String DEPRECATED = "Deprecated";

    /** Every status, for DescribeImages' {@code Status} filter: without it copies in progress are hidden. */
    public static final String ALL_STATUSES = "Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated";

    /** A remaining time longer than this is not an estimate but a wrong answer. */
    public static final Duration MAX_REMAINING = Duration.ofDays(30);

    private static final Set<String> FINAL = Set.of(AVAILABLE, CREATE_FAILED, UNAVAILABLE, DEPRECATED);
    private static final Set<String> KNOWN = Set.of(CREATING, WAITING, AVAILABLE, UNAVAILABLE, CREATE_FAILED, DEPRECATED);

    /** Available, CreateFailed, UnAvailable or Deprecated; an unknown or missing status is not final. */
    public boolean isFinal() {
        return status != null && FINAL.contains(status);
    }

    /** Whether ecs-image knows this image's status (one of {@link #ALL_STATUSES}); false when null. */
    public boolean isKnownStatus() {
        return isKnownStatus(status);
    }

    /** Whether {@code status} is one ecs-image knows: Creating, Waiting, Available, UnAvailable, CreateFailed, Deprecated. */
    public static boolean isKnownStatus(String status) {
        return status != null && KNOWN.contains(status);
    }

    public boolean isFailed() {
        return CREATE_FAILED.equals(status) || UNAVAILABLE.equals(status);
    }
}
