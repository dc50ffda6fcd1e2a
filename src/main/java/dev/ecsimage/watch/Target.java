package dev.ecsimage.watch;

/**
 * An image to follow in its region.
 *
 * @param known true when we know it exists (we just created the copy): if the service does not
 *              list it at first, that is lag, not absence; false for an id a user typed
 */
public record Target(String region, String imageId, boolean known) {
}
