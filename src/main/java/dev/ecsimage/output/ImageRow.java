package dev.ecsimage.output;

import dev.ecsimage.api.Image;
import dev.ecsimage.copyset.Copy;
import java.time.Duration;

/** One line of output about one image: what stdout, progress and JSON show of it. */
public record ImageRow(String region, String imageId, String name, String status, Integer progress,
                       Long remainingSeconds) {

    public static ImageRow of(Image image) {
        return new ImageRow(image.region(), image.imageId(), image.name(), image.status(), image.progress(),
                image.remainingSeconds());
    }

    /** Where one destination of a copy stands: its last status, or ecs-image's word for what happened to it. */
    public static ImageRow of(Copy copy) {
        return new ImageRow(copy.region(), copy.imageId(), null, copy.status(), copy.progress(), copy.remainingSeconds());
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
