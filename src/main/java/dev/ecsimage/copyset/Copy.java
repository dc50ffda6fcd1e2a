package dev.ecsimage.copyset;

import dev.ecsimage.ExitStatus;
import java.util.List;
import java.util.Set;

/**
 * One destination of a copy set, as far as ecs-image knows it: the copy's id (null until
 * CopyImage answered), its status and progress as last seen, the CopyImage RequestId and
 * ClientToken, whether an existing image was reused, the accounts it was shared with, and the
 * error that ended it. The status is the service's ({@code Waiting}, {@code Creating},
 * {@code Available}, ...) once the copy was seen, else one of ecs-image's words below. A copy
 * that is Available and has an error was made, but its sharing failed.
 *
 * @param progress         percent, null when not known
 * @param remainingSeconds the service's estimate, null when not known (not part of the JSON document)
 * @param sharedWith       the accounts it has been shared with so far, in order; null when no
 *                         sharing was asked for
 */
public record Copy(String region, String imageId, String status, Integer progress, Long remainingSeconds,
                   String requestId, String clientToken, boolean reused, List<String> sharedWith, CopyError error) {
    /** No CopyImage was sent for it (the run ended first, or the source region's endpoint was dead). */
    public static final String NOT_SENT = "NotSent";
    /** CopyImage is in flight: never shown, it becomes {@link #UNKNOWN} if the run ends now. */
    public static final String REQUESTING = "Requesting";
    /** CopyImage was sent and its answer never came: a copy may exist; its ClientToken finds it. */
    public static final String UNKNOWN = "Unknown";
    /** CopyImage answered with the copy's id; not followed (yet). */
    public static final String ACCEPTED = "Accepted";
    public static final String DRY_RUN_PASSED = "DryRunPassed";
    /** CopyImage refused it (the error says why). */
    public static final String ERROR = "Error";
    /** Left out on purpose: under {@code --to all}, a region that does not support copying. */
    public static final String SKIPPED = "Skipped";
    /** It was followed and disappeared (cancelled or deleted elsewhere). */
    public static final String GONE = "Gone";

    public Copy {
        sharedWith = sharedWith == null ? null : List.copyOf(sharedWith);
    }

    private static final Set<String> SUCCEEDED = Set.of("Available", "Deprecated", ACCEPTED, DRY_RUN_PASSED, SKIPPED);
    private static final Set<String> FINAL = Set.of("Available", "Deprecated", "CreateFailed", "UnAvailable",
            DRY_RUN_PASSED, ERROR, SKIPPED, GONE);

    /** A destination before its CopyImage. */
    public static Copy planned(String region, String clientToken) {
        return new Copy(region, null, NOT_SENT, null, null, null, clientToken, false, null, null);
    }

    public Copy withStatus(String newStatus, Integer newProgress, Long newRemaining) {
        return new Copy(region, imageId, newStatus, newProgress, newRemaining, requestId, clientToken, reused,
                sharedWith, error);
    }

    public Copy withStatus(String newStatus) {
        return withStatus(newStatus, progress, remainingSeconds);
    }

    public Copy accepted(String id, String answerRequestId, boolean reusedImage, String newStatus) {
        return new Copy(region, id, newStatus, null, null, answerRequestId, clientToken, reusedImage, sharedWith, null);
    }

    public Copy withError(String newStatus, CopyError newError) {
        return new Copy(region, imageId, newStatus, progress, remainingSeconds, requestId, clientToken, reused,
                sharedWith, newError);
    }

    /** @param accounts the accounts it is shared with now; null: sharing not asked for */
    public Copy withSharedWith(List<String> accounts) {
        return new Copy(region, imageId, status, progress, remainingSeconds, requestId, clientToken, reused, accounts,
                error);
    }

    /** Available, or Deprecated: the image exists and can be used (and shared). */
    public boolean available() {
        return "Available".equals(status) || "Deprecated".equals(status);
    }

    /** A copy that exists and may still be running: it has an id and no final status. */
    public boolean running() {
        return imageId != null && !FINAL.contains(status);
    }

    /**
     * The exit status this copy stands for: its error's (a skipped region counts as done), else
     * by status: done (0), failed (10), gone (11), or still in progress (12).
     */
    public ExitStatus exitStatus() {
        if (error != null) {
            return SKIPPED.equals(status) ? ExitStatus.SUCCESS : ExitStatus.of(error.exitStatus());
        }
        if (SUCCEEDED.contains(status)) {
            return ExitStatus.SUCCESS;
        }
        return switch (status) {
            case "CreateFailed", "UnAvailable" -> ExitStatus.COPY_FAILED;
            case GONE -> ExitStatus.VANISHED;
            default -> ExitStatus.IN_PROGRESS;
        };
    }
}
