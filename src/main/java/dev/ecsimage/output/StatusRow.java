package dev.ecsimage.output;

import dev.ecsimage.copyset.CopyError;

import java.util.List;

/**
 * One result line of {@code status}: the image as last seen (or ecs-image's word for it:
 * {@code NotFound}, {@code Unknown}, {@code Error}), where it came from, whom it is shared with,
 * and the error that explains that word (or why its shares could not be listed), if any.
 *
 * @param source     what its provenance tag names ({@code cn-hangzhou/m-bp1xxxx}), null without one
 * @param sharedWith the accounts it is shared with, null when not asked (or not known)
 */
public record StatusRow(ImageRow image, CopyError error, String source, List<String> sharedWith) {
    public StatusRow {
        sharedWith = sharedWith == null ? null : List.copyOf(sharedWith);
    }

    public StatusRow(ImageRow image, CopyError error) {
        this(image, error, null, null);
    }

    public StatusRow withSharedWith(List<String> accounts, CopyError listingError) {
        return new StatusRow(image, listingError != null ? listingError : error, source, accounts);
    }
}
