package dev.ecsimage.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An image as DescribeImages shows it, with what ecs-image needs to follow a copy and to tell
 * whose image it is and where it came from.
 *
 * @param progress         percent, null when the service did not say
 * @param remainingSeconds null when unknown
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

    public static final String AVAILABLE = "Available";
    public static final String WAITING = "Waiting";
    public static final String CREATE_FAILED = "CreateFailed";
    public static final String UNAVAILABLE = "UnAvailable";
    public static final String DEPRECATED = "Deprecated";
    /** ImageOwnerAlias of the account's own images. */
    public static final String OWNED_BY_SELF = "self";

    /** Every status, for DescribeImages' {@code Status} filter: without it copies in progress are hidden. */
    public static final String ALL_STATUSES = "Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated";

    private static final Set<String> FINAL = Set.of(AVAILABLE, CREATE_FAILED, UNAVAILABLE, DEPRECATED);

    public boolean isFinal() {
        return status != null && FINAL.contains(status);
    }

    public boolean isFailed() {
        return CREATE_FAILED.equals(status) || UNAVAILABLE.equals(status);
    }

    /** The account's own image (not shared with it by another account, not public). */
    public boolean isOwn() {
        return OWNED_BY_SELF.equals(ownerAlias);
    }
}
