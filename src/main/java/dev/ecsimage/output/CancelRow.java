package dev.ecsimage.output;

import dev.ecsimage.copyset.CopyError;

/**
 * One result line of {@code cancel}.
 *
 * @param status    {@code Cancelled} (accepted; with --wait, also gone), {@code Cancelling} (accepted,
 *                  still listed when the wait ended) or {@code Error}
 * @param requestId the RequestId of CancelCopyImage's answer, null when it failed
 * @param error     why it failed (null when accepted)
 */
public record CancelRow(String region, String imageId, String status, String requestId, CopyError error) {
    public static final String CANCELLED = "Cancelled";
    public static final String CANCELLING = "Cancelling";
    public static final String ERROR = "Error";

    public boolean accepted() {
        return error == null;
    }
}
