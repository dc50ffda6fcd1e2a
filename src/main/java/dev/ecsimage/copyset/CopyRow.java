package dev.ecsimage.copyset;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.watch.TargetResult;

/**
 * What became of one destination of a copy: its ClientToken, the CopyImage answer (or the
 * existing image reused, or the error), and how the wait ended (null without a wait).
 */
public record CopyRow(String region, String clientToken, String imageId, String requestId, boolean reused,
               boolean dryRunPassed, EcsException error, TargetResult result) {

    public static CopyRow failed(String region, String clientToken, EcsException error) {
        return new CopyRow(region, clientToken, null, null, false, false, error, null);
    }

    public CopyRow withResult(TargetResult r) {
        return new CopyRow(region, clientToken, imageId, requestId, reused, dryRunPassed, error, r);
    }

    /** The error that ended this destination: CopyImage's, or a permanent one while polling. */
    public EcsException failure() {
        return error != null ? error : result != null ? result.error() : null;
    }

    public ExitStatus exitStatus() {
        if (failure() != null) {
            return ExitStatus.of(failure().kind());
        }
        if (result == null) {
            return ExitStatus.SUCCESS;
        }
        return ExitStatus.of(result);
    }
}
