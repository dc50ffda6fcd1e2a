package dev.ecsimage.cli;

import dev.ecsimage.api.Image;
import dev.ecsimage.api.Tag;

/**
 * The tag {@value #KEY} = {@code SOURCE_REGION/SOURCE_IMAGE_ID} that every copy ecs-image makes
 * carries (unless --no-provenance-tag): what the copy was made from, so that a later
 * {@code --if-exists reuse} can tell its own copy of the same source from an image that merely
 * has the same name, and {@code status} can show where an image came from. It is one of the 20
 * tags an image may hold.
 */
final class ProvenanceTag {
    static final String KEY = "ecs-image:source";

    private ProvenanceTag() {}

    /** {@code cn-hangzhou/m-bp1xxxx}. */
    static String value(String sourceRegion, String sourceImageId) {
        return sourceRegion + "/" + sourceImageId;
    }

    static Tag of(String sourceRegion, String sourceImageId) {
        return new Tag(KEY, value(sourceRegion, sourceImageId));
    }

    /** The source an image's tag names, null when it has none. */
    static String sourceOf(Image image) {
        return image.tags().get(KEY);
    }
}
