package dev.ecsimage.output;

import dev.ecsimage.api.Image;
import dev.ecsimage.copyset.CopyRow;
import dev.ecsimage.watch.Outcome;
import dev.ecsimage.watch.TargetResult;
import java.time.Duration;

/** One line of output about one image: what stdout, progress and JSON show of it. */
public record ImageRow(String region, String imageId, String name, String status, Integer progress,
                       Long remainingSeconds) {

    public static ImageRow of(Image image) {
        return new ImageRow(image.region(), image.imageId(), image.name(), image.status(), image.progress(),
                image.remainingSeconds());
    }

    /** Where one destination of a copy stands: its last status, or a word for what happened to it. */
    public static ImageRow of(CopyRow copy) {
        String region = copy.region();
        String imageId = copy.imageId();
        TargetResult result = copy.result();
        if (copy.failure() != null && (result == null || result.lastSeen() == null)) {
            return bare(region, imageId, "Error");
        }
        if (result == null) {
            return bare(region, imageId, copy.dryRunPassed() ? "DryRunPassed" : "Accepted");
        }
        if (result.outcome() == Outcome.GONE || result.outcome() == Outcome.NOT_FOUND) {
            return bare(region, imageId, "Gone");
        }
        return result.lastSeen() == null ? bare(region, imageId, "Waiting") : of(result.lastSeen());
    }

    /** A row that says only where an image stands, without details from the service. */
    public static ImageRow bare(String region, String imageId, String status) {
        return new ImageRow(region, imageId, null, status, null, null);
    }

    String progressText() {
        return progress == null ? "-" : progress + "%";
    }

    String etaText() {
        return remainingSeconds == null || remainingSeconds <= 0 ? null
                : "ETA " + DurationText.format(Duration.ofSeconds(remainingSeconds));
    }

    /** {@code cn-shanghai  m-uf6...  Available  100%}, region padded to {@code regionWidth} columns. */
    String text(int regionWidth) {
        return TextWidth.pad(region, regionWidth) + "  " + (imageId == null ? "-" : imageId) + "  "
                + status + "  " + progressText();
    }
}
