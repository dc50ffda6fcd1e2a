package dev.ecsimage.api;

import java.util.Set;

/**
 * An image as DescribeImages shows it, with what ecs-image needs to follow a copy.
 *
 * @param progress         percent, null when the service did not say
 * @param remainingSeconds null when unknown
 */
public record Image(String region, String imageId, String name, String status, Integer progress,
                    Long remainingSeconds) {

    public static final String AVAILABLE = "Available";
    public static final String WAITING = "Waiting";
    public static final String CREATE_FAILED = "CreateFailed";
    public static final String UNAVAILABLE = "UnAvailable";
    public static final String DEPRECATED = "Deprecated";

    /** Every status, for DescribeImages' {@code Status} filter: without it copies in progress are hidden. */
    public static final String ALL_STATUSES = "Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated";

    private static final Set<String> FINAL = Set.of(AVAILABLE, CREATE_FAILED, UNAVAILABLE, DEPRECATED);

    public boolean isFinal() {
        return FINAL.contains(status);
    }

    public boolean isFailed() {
        return CREATE_FAILED.equals(status) || UNAVAILABLE.equals(status);
    }
}
