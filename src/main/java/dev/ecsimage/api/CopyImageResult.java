package dev.ecsimage.api;

/**
 * CopyImage's answer: the id of the NEW image in the destination region. For a dry run the
 * service answers {@code DryRunOperation} instead; then {@code imageId} is null and
 * {@code dryRunPassed} true.
 */
public record CopyImageResult(String imageId, String requestId, boolean dryRunPassed) {
}
