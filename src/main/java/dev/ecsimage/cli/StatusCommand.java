package dev.ecsimage.cli;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.DeadlineReachedException;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.Image;
import dev.ecsimage.copyset.Copy;
import dev.ecsimage.copyset.CopyError;
import dev.ecsimage.copyset.CopySet;
import dev.ecsimage.output.DurationText;
import dev.ecsimage.output.ErrorReport;
import dev.ecsimage.output.ImageRow;
import dev.ecsimage.output.Messages;
import dev.ecsimage.output.ResultWriter;
import dev.ecsimage.output.Sentence;
import dev.ecsimage.output.StatusRow;
import dev.ecsimage.watch.CopyWatcher;
import dev.ecsimage.watch.Outcome;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import dev.ecsimage.watch.WatchListener;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ecs-image status}: where images stand, asked with ONE DescribeImages per region for all
 * of its ids (every status asked for: without the filter the service hides copies in progress);
 * with --wait, followed until each is final. Images in several regions ({@code REGION:IMAGE_ID},
 * or a copy set read with --from) are one result and one exit status. An image that could not be
 * asked about (no answer, to the end) is {@code Unknown}, not {@code NotFound}.
 */
@Command(name = "status", sortOptions = false,
        description = {"Show the status, progress and remaining time of images: copies in their destination regions.",
                "Exit 0 when all are Available, 12 while any is in progress, 10 if one failed, 5 if one does not "
                        + "exist: the status of the first image, in the given order, that is not Available."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    EcsImageCommand root;

    @Mixin
    ImageSelection selection;

    @Option(names = "--wait", description = "Follow until every image is in a final state.")
    boolean wait;

    @Mixin
    WaitTiming timing;

    @Option(names = "--shares", description = "Also list the accounts each image is shared with "
            + "(DescribeImageSharePermission).")
    boolean shares;

    private EcsClient client;
    private ImageSelection.Selected selected;
    private volatile WaitSession session;
    private boolean ended;

    @Override
    public Integer call() throws InterruptedException {
        Instant deadline = ClientFactory.deadline(root, timing);
        timing.check();
        selected = selection.resolve(root);
        boolean known = selected.copySet() != null;
        List<Target> targets = selected.refs().stream().map(r -> new Target(r.region(), r.imageId(), known)).toList();
        try (EcsClient ecs = ClientFactory.create(root)) {
            RetryNotes retries = new RetryNotes(root);
            client = ClientFactory.forRun(ecs, root, deadline, retries);
            Object hook = root.context.abortHooks().register(this::abort, root::text);
            try {
                List<TargetResult> results;
                Sentence why = null;
                if (wait) {
                    session = new WaitSession(root, client, targets, "-", WatchListener.NONE, retries);
                    results = session.run(CopyWatcher.Goal.FINAL_STATE, timing.interval, deadline);
                    if (results.stream().anyMatch(r -> r.outcome() == Outcome.IN_PROGRESS)) {
                        why = new Sentence("why.still-running", DurationText.format(timing.timeout));
                    }
                } else {
                    results = look(targets);
                }
                Map<Target, ShareListing.Listed> listed = Map.of();
                if (shares && why == null) {
                    listed = ShareListing.ask(root, client, results);
                } else if (shares) {
                    root.console().note(root.text().get("status.shares-not-asked", why));
                }
                Integer status = finish(results, listed, why);
                return status == null ? ExitStatus.INTERRUPTED.code : status;
            } finally {
                root.context.abortHooks().unregister(hook);
            }
        }
    }

    /** Without --wait: one DescribeImages per region; a region that fails gives its images that error. */
    private List<TargetResult> look(List<Target> targets) throws InterruptedException {
        Map<String, List<Target>> byRegion = new LinkedHashMap<>();
        targets.forEach(t -> byRegion.computeIfAbsent(t.region(), r -> new ArrayList<>()).add(t));
        Map<Target, TargetResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, List<Target>> region : byRegion.entrySet()) {
            List<Target> group = region.getValue();
            try {
                List<Image> images = client.describeImages(region.getKey(), group.stream().map(Target::imageId).toList(),
                        Image.ALL_STATUSES, null);
                group.forEach(t -> results.put(t, snapshot(t, images)));
            } catch (DeadlineReachedException e) {
                // --timeout before an answer: where these images stand is unknown, with the last failure if any
                EcsException before = e.getCause() instanceof EcsException last ? last : null;
                group.forEach(t -> results.put(t, new TargetResult(t, Outcome.IN_PROGRESS, null, before)));
            } catch (EcsException e) {
                group.forEach(t -> results.put(t, new TargetResult(t, Outcome.ERROR, null, e)));
            }
        }
        return targets.stream().map(results::get).toList();
    }

    private static TargetResult snapshot(Target t, List<Image> images) {
        Image image = images.stream().filter(i -> t.imageId().equals(i.imageId())).findFirst().orElse(null);
        if (image == null) {
            return new TargetResult(t, t.known() ? Outcome.GONE : Outcome.NOT_FOUND, null, null);
        }
        Outcome outcome = !image.isFinal() ? Outcome.IN_PROGRESS
                : image.isFailed() ? Outcome.FAILED : Outcome.AVAILABLE;
        return new TargetResult(t, outcome, WaitSession.shown(image), null);
    }

    /** Ctrl-C or SIGTERM while waiting: the same end, from what was seen so far. */
    private void abort() {
        WaitSession waiting = session;
        if (waiting != null) {
            waiting.stop();
        AbortHooks.endEchoedLine(root.context);
            finish(waiting.snapshot(), Map.of(), new Sentence("why.interrupted"));
        }
    }

    /**
     * The end, once: what went wrong on stderr, one row per image on stdout (for --from, the copy
     * set brought up to date), and for images still running how to follow them.
     *
     * @param listed with --shares, the accounts of each image seen (or why they are not known)
     * @return the exit status: that of the first image that is not Available, or whose accounts
     *         could not be listed; null when already ended
     */
    private synchronized Integer finish(List<TargetResult> results, Map<Target, ShareListing.Listed> listed,
                                        Sentence why) {
        if (ended) {
            return null;
        }
        ended = true;
        List<StatusRow> rows = new ArrayList<>();
        ExitStatus status = ExitStatus.SUCCESS;
        for (TargetResult r : results) {
            StatusRow row = row(r);
            ExitStatus s = ExitStatus.of(r);
            ShareListing.Listed accounts = listed.get(r.target());
            if (accounts != null) {
                row = row.withSharedWith(accounts.accounts(), accounts.error());
                if (s == ExitStatus.SUCCESS && accounts.error() != null) {
                    s = ExitStatus.of(accounts.error().exitStatus());
                }
            }
            rows.add(row);
            if (status == ExitStatus.SUCCESS) {
                status = s;
            }
        }
        report(results);
        CopySet set = selected.copySet();
        if (set != null) {
            for (StatusRow row : rows) {
                ImageRow image = row.image();
                set.update(image.region(), c -> {
                    Copy now = c.withStatus(image.status(), image.progress(), image.remainingSeconds())
                            .withError(image.status(), row.error());
                    return row.sharedWith() == null ? now : now.withSharedWith(row.sharedWith());
                });
            }
            for (Copy c : ImageSelection.withoutImage(set)) {
                root.console().note(root.text().get("status.no-image-id", c.region(), c.status()));
            }
            new ResultWriter(root.console()).copies(set);
        } else {
            new ResultWriter(root.console()).images(rows);
        }
        if (why != null) {
            List<ImageRef> running = results.stream().filter(r -> r.outcome() == Outcome.IN_PROGRESS)
                    .map(r -> new ImageRef(r.target().region(), r.target().imageId())).toList();
            StillRunning.report(root, client, running, false, why);
        }
        root.context.out().flush();
        root.context.err().flush();
        return status.code;
    }

    /** An image's row: as last seen, else ecs-image's word for it, with the error that explains it. */
    private StatusRow row(TargetResult r) {
        Target t = r.target();
        EcsException error = r.error() != null ? r.error()
                : r.outcome() == Outcome.IN_PROGRESS && session != null ? session.lastError(t.region()) : null;
        CopyError copyError = error == null ? null : CopyError.of(error);
        if (r.lastSeen() != null) {
            return new StatusRow(ImageRow.of(r.lastSeen()), r.error() == null ? null : copyError,
                    ProvenanceTag.sourceOf(r.lastSeen()), null);
        }
        String word = switch (r.outcome()) {
            case NOT_FOUND -> "NotFound";
            case GONE -> Copy.GONE;
            case ERROR -> error.isTransient() ? Copy.UNKNOWN : Copy.ERROR;
            default -> Copy.UNKNOWN;
        };
        return new StatusRow(ImageRow.bare(t.region(), t.imageId(), word), copyError);
    }

    /** stderr: each error once per region, images not found (with where to look), images of unknown status. */
    private void report(List<TargetResult> results) {
        PrintWriter err = root.context.err();
        Messages text = root.text();
        Map<EcsException, Boolean> printed = new IdentityHashMap<>();
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        Map<String, EcsException> lastErrors = new LinkedHashMap<>();
        boolean notFound = false;
        for (TargetResult r : results) {
            String region = r.target().region();
            String id = r.target().imageId();
            switch (r.outcome()) {
                case ERROR -> {
                    if (printed.put(r.error(), true) == null) {
                        ErrorReport.print(root.console(), region, r.error(), root.maxAttempts);
                    }
                }
                case NOT_FOUND -> {
                    err.println("ecs-image: " + text.get("status.no-image", region, id));
                    notFound = true;
                }
                case GONE -> err.println("ecs-image: " + text.get("status.gone", region, id));
                case IN_PROGRESS -> {
                    if (r.lastSeen() == null) {
                        unknown.computeIfAbsent(region, x -> new ArrayList<>()).add(id);
                        if (r.error() != null) {
                            lastErrors.putIfAbsent(region, r.error());
                        }
                    }
                }
                default -> { }
            }
        }
        unknown.forEach((region, ids) -> {
            EcsException last = lastErrors.getOrDefault(region, session == null ? null : session.lastError(region));
            String unknownIds = text.list(ids);
            err.println("ecs-image: " + (last == null ? text.get("status.unknown", region, unknownIds)
                    : text.get("status.unknown.last-error", region, unknownIds, last.describe())));
        });
        if (notFound && !root.quiet) {
            err.println(text.get("hint.line", text.get("hint.copy-region")));
        }
    }
}
