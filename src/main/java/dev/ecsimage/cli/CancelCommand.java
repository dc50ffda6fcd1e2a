package dev.ecsimage.cli;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.copyset.Copy;
import dev.ecsimage.copyset.CopyError;
import dev.ecsimage.output.CancelRow;
import dev.ecsimage.output.DurationText;
import dev.ecsimage.output.ErrorReport;
import dev.ecsimage.output.ResultWriter;
import dev.ecsimage.output.Sentence;
import dev.ecsimage.watch.CopyWatcher;
import dev.ecsimage.watch.Outcome;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import dev.ecsimage.watch.WatchListener;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ecs-image cancel}: one CancelCopyImage per copy, each in the copy's destination region;
 * one refused does not stop the others. --wait follows until DescribeImages lists none of them.
 */
@Command(name = "cancel", sortOptions = false,
        description = {"Cancel copies in progress, each in its destination region (where the copy lives); the "
                + "source image stays.",
                "Exit 0 when every cancel was accepted (with --wait: and every copy is gone), else the status of the "
                        + "first copy, in the given order, that was not."})
final class CancelCommand implements Callable<Integer> {
    @ParentCommand
    EcsImageCommand root;

    @Mixin
    ImageSelection selection;

    @Option(names = "--wait", description = "Wait until DescribeImages lists none of the copies.")
    boolean wait;

    @Mixin
    WaitTiming timing;

    private final List<CancelRow> rows = new ArrayList<>();
    private ImageSelection.Selected selected;
    private volatile WaitSession session;
    private boolean ended;

    @Override
    public Integer call() throws InterruptedException {
        Instant deadline = ClientFactory.deadline(root, timing);
        timing.check();
        selected = selection.resolve(root);
        if (selected.copySet() != null) {
            for (Copy c : ImageSelection.withoutImage(selected.copySet())) {
                root.console().note(root.text().get("cancel.no-image-id", c.region(), c.status()));
            }
        }
        try (EcsClient ecs = ClientFactory.create(root)) {
            RetryNotes retries = new RetryNotes(root);
            EcsClient client = ClientFactory.forRun(ecs, root, deadline, retries);
            Object hook = root.context.abortHooks().register(this::abort, root::text);
            try {
                for (ImageRef ref : selected.refs()) {
                    CancelRow row = cancel(client, ref);
                    synchronized (this) {
                        rows.add(row);
                    }
                }
                Sentence why = wait ? waitUntilGone(client, deadline, retries) : null;
                Integer status = finish(why);
                return status == null ? ExitStatus.INTERRUPTED.code : status;
            } finally {
                root.context.abortHooks().unregister(hook);
            }
        }
    }

    private CancelRow cancel(EcsClient client, ImageRef ref) throws InterruptedException {
        try {
            String requestId = client.cancelCopyImage(ref.region(), ref.imageId());
            return new CancelRow(ref.region(), ref.imageId(), wait ? CancelRow.CANCELLING : CancelRow.CANCELLED,
                    requestId, null);
        } catch (EcsException e) {
            ErrorReport.print(root.console(), ref.region(), e, root.maxAttempts);
            if ("InvalidImageId.NotFound".equals(e.code()) && !root.quiet) {
                root.context.err().println(root.text().get("hint.line", root.text().get("hint.copy-region")));
            }
            return new CancelRow(ref.region(), ref.imageId(), CancelRow.ERROR, null, CopyError.of(e));
        }
    }

    /** @return why the wait ended early, or null when every cancelled copy is gone */
    private Sentence waitUntilGone(EcsClient client, Instant deadline, RetryNotes retries) throws InterruptedException {
        List<Target> targets = snapshot().stream().filter(CancelRow::accepted)
                .map(r -> new Target(r.region(), r.imageId(), true)).toList();
        if (targets.isEmpty()) {
            return null;
        }
        session = new WaitSession(root, client, targets, CancelRow.CANCELLING, WatchListener.NONE, retries);
        List<TargetResult> results = session.run(CopyWatcher.Goal.GONE, timing.interval, deadline);
        for (TargetResult r : results) {
            Target t = r.target();
            if (r.outcome() == Outcome.GONE) {
                replace(t, CancelRow.CANCELLED, null);
            } else if (r.outcome() == Outcome.ERROR) {
                ErrorReport.print(root.console(), t.region(), r.error(), root.maxAttempts);
                replace(t, CancelRow.ERROR, CopyError.of(r.error()));
            }
        }
        return results.stream().anyMatch(r -> r.outcome() == Outcome.IN_PROGRESS)
                ? new Sentence("why.still-listed", DurationText.format(timing.timeout)) : null;
    }

    private synchronized void replace(Target t, String status, CopyError error) {
        for (int i = 0; i < rows.size(); i++) {
            CancelRow r = rows.get(i);
            if (r.region().equals(t.region()) && r.imageId().equals(t.imageId())) {
                rows.set(i, new CancelRow(r.region(), r.imageId(), status, r.requestId(), error));
            }
        }
    }

    private synchronized List<CancelRow> snapshot() {
        return List.copyOf(rows);
    }

    private void abort() {
        WaitSession waiting = session;
        if (waiting != null) {
            waiting.stop();
        }
        AbortHooks.endEchoedLine(root.context);
        finish(new Sentence("why.interrupted"));
    }

    /**
     * The end, once: a row per copy (with --wait, those still listed are {@code Cancelling}), and
     * which copies are still listed.
     *
     * @return the status of the first copy that was not cancelled; null when already ended
     */
    private synchronized Integer finish(Sentence why) {
        if (ended) {
            return null;
        }
        ended = true;
        new ResultWriter(root.console()).cancels(rows, selected.copySet() != null || selected.refs().size() > 1);
        List<String> listed = rows.stream().filter(r -> CancelRow.CANCELLING.equals(r.status()))
                .map(r -> r.region() + ":" + r.imageId()).toList();
        if (why != null && !listed.isEmpty() && !root.quiet) {
            PrintWriter err = root.context.err();
            err.println("ecs-image: " + root.text().get("cancel.still-listed", why, String.join(",", listed)));
        }
        root.context.out().flush();
        root.context.err().flush();
        for (CancelRow r : rows) {
            if (r.error() != null) {
                return r.error().exitStatus();
            }
            if (CancelRow.CANCELLING.equals(r.status())) {
                return ExitStatus.IN_PROGRESS.code;
            }
        }
        return ExitStatus.SUCCESS.code;
    }
}
