package dev.ecsimage.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An image as DescribeImages shows it, with what ecs-image needs to follow a copy and to tell
 * whose image it is and where it came from.
 *
 * @param status           as the service says it; null when it did not say (unknown: never final).
 *                         It may also be one ecs-image does not know ({@link #isKnownStatus()})
 * @param progress         percent, 0 to 100; null when the service did not say or said something
 *                         that is not a number
 * @param remainingSeconds null when unknown, or when the service's figure is negative or more than
 *                         {@link #MAX_REMAINING} away
 * @param ownerAlias       {@code self}, {@code others} (shared with the account), {@code system} or
 *                         {@code marketplace}; null when the service did not say
 * @param tags             the image's tags in the service's order (values may be empty), never null
 */
public record Image(String region, String imageId, String name, String status, Integer progress,
                    Long remainingSeconds, String ownerAlias, Map<String, String> tags) {

    public Image {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** An image whose owner and tags are not known. */
    public Image(String region, String imageId, String name, String status, Integer progress, Long remainingSeconds) {
        this(region, imageId, name, status, progress, remainingSeconds, null, Map.of());
    }

    public static final String CREATING = "Creating";
    public static final String AVAILABLE = "Available";
    public static final String WAITING = "Waiting";
    public static final String CREATE_FAILED = "CreateFailed";
    public static final String UNAVAILABLE = "UnAvailable";
    public static final String DEPRECATED = "Deprecated";
    /** ImageOwnerAlias of the account's own images. */
    public static final String OWNED_BY_SELF = "self";

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

    /** The account's own image (not shared with it by another account, not public). */
    public boolean isOwn() {
        return OWNED_BY_SELF.equals(ownerAlias);
    }
}
