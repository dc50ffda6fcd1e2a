package dev.ecsimage.cli;

import dev.ecsimage.output.Sentence;
import java.util.Objects;

/**
 * An image named on the command line of {@code status} or {@code cancel}: {@code REGION:IMAGE_ID}
 * ({@code cn-shanghai:m-uf6xxxx}), or a plain id that takes --region.
 */
record ImageRef(String region, String imageId) {
    // equals and hashCode written out: a record's own bootstrap method handles on first use, which
    // costs every `status` and `cancel` run milliseconds of start-up (their images are a set)
    @Override
    public boolean equals(Object o) {
        return o instanceof ImageRef r && Objects.equals(region, r.region) && Objects.equals(imageId, r.imageId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, imageId);
    }

    /** {@code REGION:IMAGE_ID}, as hints print it and {@code -i} reads it. */
    String qualified() {
        return region + ":" + imageId;
    }

    /**
     * Reads one {@code -i} item.
     *
     * @param defaultRegion the region of a plain id, null when there is none
     * @return the reference, or throws {@link InvalidValue} with the rule the item breaks, which names the option
     */
    static ImageRef parse(String item, String defaultRegion) {
        if (item.isBlank()) {
            throw new InvalidValue("usage.image-id.empty-item");
        }
        int colon = item.indexOf(':');
        if (colon < 0) {
            if (defaultRegion == null) {
                throw new InvalidValue("usage.image-id.no-region", item);
            }
            return new ImageRef(defaultRegion, item);
        }
        String region = item.substring(0, colon);
        String id = item.substring(colon + 1);
        Sentence problem = CopyChecks.region(region);
        if (problem != null) {
            throw new InvalidValue("usage.image-id.bad-region", item, region, problem);
        }
        if (id.isBlank() || id.contains(":")) {
            throw new InvalidValue("usage.image-id.not-qualified", item);
        }
        return new ImageRef(region, id);
    }
}
