package dev.ecsimage.output;

import dev.ecsimage.copyset.CopyError;

/**
 * One result line of {@code status}: the image as last seen (or ecs-image's word for it:
 * {@code NotFound}, {@code Unknown}, {@code Error}) and the error that explains that word, if any.
 */
public record StatusRow(ImageRow image, CopyError error) {
}
