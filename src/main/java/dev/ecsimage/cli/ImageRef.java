package dev.ecsimage.cli;

/**
 * An image named on the command line of {@code status} or {@code cancel}: {@code REGION:IMAGE_ID}
 * ({@code cn-shanghai:m-uf6xxxx}), or a plain id that takes --region.
 */
record ImageRef(String region, String imageId) {

    /** {@code REGION:IMAGE_ID}, as hints print it and {@code -i} reads it. */
    String qualified() {
        return region + ":" + imageId;
    }

    /**
     * Reads one {@code -i} item.
     *
     * @param defaultRegion the region of a plain id, null when there is none
     * @return the reference, or throws with the rule the item breaks (for a usage error)
     */
    static ImageRef parse(String item, String defaultRegion) {
        if (item.isBlank()) {
            throw new IllegalArgumentException("an empty item: give IMAGE_ID or REGION:IMAGE_ID, separated by commas");
        }
        int colon = item.indexOf(':');
        if (colon < 0) {
            if (defaultRegion == null) {
                throw new IllegalArgumentException("'" + item + "' has no region: write REGION:" + item
                        + " or give --region");
            }
            return new ImageRef(defaultRegion, item);
        }
        String region = item.substring(0, colon);
        String id = item.substring(colon + 1);
        String problem = CopyChecks.region(region);
        if (problem != null) {
            throw new IllegalArgumentException("'" + item + "': '" + region + "' " + problem);
        }
        if (id.isBlank() || id.contains(":")) {
            throw new IllegalArgumentException("'" + item + "' is not REGION:IMAGE_ID");
        }
        return new ImageRef(region, id);
    }
}
