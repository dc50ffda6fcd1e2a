package dev.ecsimage.cli;

import dev.ecsimage.api.EcsException;
import dev.ecsimage.watch.Outcome;
import dev.ecsimage.watch.TargetResult;

/**
 * What became of one destination of a copy: its ClientToken, the CopyImage answer (or the
 * existing image reused, or the error), and how the wait ended (null without a wait).
 */
record CopyRow(String region, String clientToken, String imageId, String requestId, boolean reused,
               boolean dryRunPassed, EcsException error, TargetResult result) {

    static CopyRow failed(String region, String clientToken, EcsException error) {
        return new CopyRow(region, clientToken, null, null, false, false, error, null);
    }

    CopyRow withResult(TargetResult r) {
        return new CopyRow(region, clientToken, imageId, requestId, reused, dryRunPassed, error, r);
    }

    /** The error that ended this destination: CopyImage's, or a permanent one while polling. */
    EcsException failure() {
        return error != null ? error : result != null ? result.error() : null;
    }

    ExitStatus exitStatus() {
        if (failure() != null) {
            return ExitStatus.of(failure().kind());
        }
        if (result == null) {
            return ExitStatus.SUCCESS;
        }
        return ExitStatus.of(result);
    }

    ImageRow row() {
        if (failure() != null && (result == null || result.lastSeen() == null)) {
            return ImageRow.bare(region, imageId, "Error");
        }
        if (result == null) {
            return ImageRow.bare(region, imageId, dryRunPassed ? "DryRunPassed" : "Accepted");
        }
        if (result.outcome() == Outcome.GONE || result.outcome() == Outcome.NOT_FOUND) {
            return ImageRow.bare(region, imageId, "Gone");
        }
        return result.lastSeen() == null ? ImageRow.bare(region, imageId, "Waiting")
                : ImageRow.of(result.lastSeen());
    }
}
