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

    /** {@code ETA 1m30s} ({@code 剩余 1m30s} in Chinese), null when the remaining time is unknown. */
    String etaText(Messages text) {
        return remainingSeconds == null || remainingSeconds <= 0 ? null
                : text.get("progress.eta", DurationText.format(Duration.ofSeconds(remainingSeconds)));
    }

    /**
     * The row as stdout shows it in every language: {@code cn-shanghai  m-uf6...  Available  100%},
     * the region padded to {@code regionWidth} columns (ids and the API's words, which scripts read).
     */
    String text(int regionWidth) {
        return line(regionWidth, Messages.of(Language.en));
    }

    /**
     * The row as a person reads it in {@code text}'s language: in Chinese with the region's name and
     * the status's meaning ({@code cn-shanghai 华东2（上海）  m-uf6...  Available（可用）  100%}), the
     * region padded to {@code regionWidth} columns.
     */
    String line(int regionWidth, Messages text) {
        return TextWidth.pad(text.region(region), regionWidth) + "  " + (imageId == null ? "-" : imageId) + "  "
                + text.status(status) + "  " + progressText();
    }
}
