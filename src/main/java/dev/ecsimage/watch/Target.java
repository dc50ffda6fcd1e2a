package dev.ecsimage.watch;

import java.util.Objects;

/**
 * An image to follow in its region.
 *
 * @param known true when we know it exists (we just created the copy): if the service does not
 *              list it at first, that is lag, not absence; false for an id a user typed
 */
public record Target(String region, String imageId, boolean known) {
    // equals and hashCode written out: a record's own bootstrap method handles on first use, which
    // costs every `status` run milliseconds of start-up (they key its results)
    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && Objects.equals(region, t.region)
                && Objects.equals(imageId, t.imageId) && known == t.known;
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, imageId, known);
    }
}
