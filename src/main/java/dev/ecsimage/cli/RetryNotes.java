package dev.ecsimage.cli;

import dev.ecsimage.api.Retry;
import dev.ecsimage.output.ProgressDisplay;
import java.util.function.Consumer;

/**
 * Says every retry on stderr, so that a slow answer is never silent ({@code ecs-image: DescribeImages
 * in cn-shanghai: Read timed out; retrying (2/5) in 1.2s}): through the progress display while a
 * wait shows one (so bars stay whole), else as a plain line. Nothing with --quiet.
 */
final class RetryNotes implements Consumer<Retry> {
    private final EcsImageCommand root;
    private volatile ProgressDisplay display;

    RetryNotes(EcsImageCommand root) {
        this.root = root;
    }

    /** While a wait runs, its display shows the notes; null when it ends. */
    void showIn(ProgressDisplay waitDisplay) {
        this.display = waitDisplay == ProgressDisplay.NONE ? null : waitDisplay;
    }

    @Override
    public void accept(Retry retry) {
        if (root.quiet) {
            return;
        }
        String line = "ecs-image: " + root.text().get("progress.retrying", retry.action(), retry.region(),
                retry.reason(), retry.attempt(), retry.maxAttempts(), retry.delayText());
        ProgressDisplay shown = display;
        if (shown != null) {
            shown.note(line);
        } else {
            root.context.err().println(line);
            root.context.err().flush();
        }
    }
}
