package dev.ecsimage.cli;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.CopyImageRequest;
import dev.ecsimage.api.CopyImageResult;
import dev.ecsimage.api.DeadlineReachedException;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.EcsRegion;
import dev.ecsimage.api.Image;
import dev.ecsimage.api.Tag;
import dev.ecsimage.copyset.Copy;
import dev.ecsimage.copyset.CopyError;
import dev.ecsimage.copyset.CopySet;
import dev.ecsimage.output.DurationText;
import dev.ecsimage.output.ErrorReport;
import dev.ecsimage.output.Messages;
import dev.ecsimage.output.ResultWriter;
import dev.ecsimage.output.Sentence;
import dev.ecsimage.output.SentenceError;
import dev.ecsimage.watch.CopyWatcher;
import dev.ecsimage.watch.Outcome;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import dev.ecsimage.watch.WatchListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ecs-image copy}: checks the source once, then one CopyImage per destination, in the
 * given order, each with its own ClientToken and the {@link ProvenanceTag} (or reuses the
 * account's own copy of this source, {@link ReuseExisting}); then, unless --no-wait, follows every
 * copy until it ends, sharing each once it is Available ({@link CopySharing}). What it produces
 * is a {@link CopySet}, kept up to date as answers and polls come in, and printed once at the end:
 * the normal end, --timeout, or the abort hook on Ctrl-C / SIGTERM, whichever comes first. So an
 * interrupted run still prints every copy it started.
 */
@Command(name = "copy", sortOptions = false,
        description = {"Copy a custom image from --region to one or more regions (or all) and wait until every "
                + "copy is Available (or failed).",
                "Each option maps to a CopyImage parameter; stdout gets one line per destination."})
final class CopyCommand implements Callable<Integer> {
    enum IfExists { fail, reuse }

    /** {@code --to all}: every region DescribeRegions lists, but the source. */
    static final String ALL = "all";
    /** How long an interrupted run waits for the answer of a CopyImage in flight. */
    static final Duration ANSWER_GRACE = Duration.ofSeconds(3);
    private static final Duration GRACE_POLL = Duration.ofMillis(50);
    private static final String NOT_SUPPORTED = "RegionNotSupportCopy";
    private static final Sentence NOT_WAITING = new Sentence("why.not-waiting");
    private static final Sentence INTERRUPTED = new Sentence("why.interrupted");

    @ParentCommand
    EcsImageCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--image-id"}, required = true, paramLabel = "IMAGE_ID",
            description = "The source image (ImageId), in --region.")
    String imageId;

    @Option(names = {"-t", "--to"}, required = true, split = ",", paramLabel = "REGION",
            completionCandidates = DestinationCandidates.class,
            description = "Destination regions (DestinationRegionId), comma-separated or repeated; one CopyImage "
                    + "each, in this order. 'all': every region DescribeRegions lists for the account, but the "
                    + "source (and --exclude).")
    List<String> destinations;

    @Option(names = "--exclude", split = ",", paramLabel = "REGION", completionCandidates = RegionCandidates.class,
            description = "With --to all: leave these regions out; comma-separated or repeated.")
    List<String> excluded = new ArrayList<>();

    @Option(names = {"-n", "--name"}, paramLabel = "NAME",
            description = "Name of the copies (DestinationImageName): 2-128 characters, starting with a letter "
                    + "(English or Chinese); letters, digits, '.', ':', '_', '-'.")
    String name;

    @Option(names = {"-d", "--description"}, paramLabel = "TEXT",
            description = "Description of the copies (DestinationDescription): 2-256 characters, "
                    + "not starting with http:// or https://.")
    String description;

    @Option(names = "--encrypted", description = "Encrypt the copies (Encrypted=true); a destination without "
            + "--kms-key-id gets the service key.")
    boolean encrypted;

    @Option(names = "--kms-key-id", split = ",", paramLabel = "REGION=KEY_ID",
            description = "KMS key of the copy to REGION, for --encrypted (KMSKeyId); repeatable. Keys are "
                    + "regional: a plain KEY_ID only with one destination.")
    List<String> kmsKeyIds = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "KEY=VALUE",
            description = "Tag the copies (Tag.N.Key/Value); repeatable, at most 19 (20 with --no-provenance-tag).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--no-provenance-tag", description = "Leave off the provenance tag that every copy otherwise "
            + "carries: " + ProvenanceTag.KEY + " = SOURCE_REGION/SOURCE_IMAGE_ID.")
    boolean noProvenanceTag;

    @Option(names = "--resource-group-id", paramLabel = "ID", description = "Resource group of the copies (ResourceGroupId).")
    String resourceGroupId;

    @Option(names = "--client-token", paramLabel = "TOKEN",
            description = "Idempotency token (ClientToken), ASCII, at most 64 characters: a re-run with the same "
                    + "token and options makes no second copy. Default: a new one per run; with several "
                    + "destinations each gets TOKEN-REGION.")
    String clientToken;

    @Option(names = "--dry-run", description = "Only check the request (DryRun=true); exit 0 when it would succeed.")
    boolean dryRun;

    @Option(names = "--no-wait", description = "Return once every CopyImage is accepted.")
    boolean noWait;

    @Mixin
    WaitTiming timing;

    @Option(names = "--cancel-on-abort",
            description = "On --timeout, Ctrl-C or SIGTERM, cancel the copies still running (default: leave them running).")
    boolean cancelOnAbort;

    @Option(names = "--if-exists", paramLabel = "fail|reuse",
            description = "When a destination already has an image of the account named exactly --name: fail "
                    + "(default, exit 7) or reuse it, i.e. wait for it as if it were the new copy. Not reused "
                    + "(exit 7): one whose provenance tag names another source, or one that failed.")
    IfExists ifExists = IfExists.fail;

    @Option(names = "--share-with", split = ",", paramLabel = "ACCOUNT_ID",
            description = "Once a copy is Available, share it with these Alibaba Cloud accounts "
                    + "(ModifyImageSharePermission AddAccount.N, ten a call); comma-separated or repeated, at most "
                    + ShareAccounts.MAX + ".")
    List<String> shareWith = new ArrayList<>();

    private List<Tag> parsedTags;
    private List<String> shareAccounts;
    private CopySharing sharing;
    private KmsKeys keys;
    private String source;
    private Instant deadline;
    private RetryNotes retries;
    private EcsClient client;
    private CopySet copies;
    private volatile WaitSession session;
    private boolean ended;

    @Override
    public Integer call() throws InterruptedException {
        deadline = ClientFactory.deadline(root, timing);
        parsedTags = checkOptions();
        source = ClientFactory.region(root);
        boolean all = checkRegions();
        String token = clientToken != null ? clientToken : root.context.ids().get();
        try (EcsClient ecs = ClientFactory.create(root)) {
            retries = new RetryNotes(root);
            client = ClientFactory.forRun(ecs, root, deadline, retries);
            copies = new CopySet(source, imageId, List.of());
            sharing = new CopySharing(root, client, copies, shareAccounts);
            Object hook = root.context.abortHooks().register(this::abort, root::text);
            try {
                Sentence why;
                try {
                    checkSourceImage();
                    List<String> to = all ? everyRegion() : destinations;
                    checkKeys(to, all);
                    for (String d : to) {
                        Copy planned = Copy.planned(d, ClientTokens.forDestination(token, d, to.size()));
                        copies.add(shareAccounts.isEmpty() ? planned : planned.withSharedWith(List.of()));
                    }
                    startAll();
                    why = dryRun ? null : noWait ? NOT_WAITING : follow();
                } catch (DeadlineReachedException e) {
                    why = timedOut();
                    if (copies.copies().isEmpty()) {
                        root.context.err().println("ecs-image: " + text().get("copy.deadline-before-start",
                                DurationText.format(timing.timeout), e.getMessage()));
                        finish(why);
                        return ExitStatus.IN_PROGRESS.code;
                    }
                }
                Integer status = finish(why);
                return status == null ? ExitStatus.INTERRUPTED.code : status;
            } finally {
                root.context.abortHooks().unregister(hook);
            }
        }
    }

    /** One DescribeImages at the source: a missing or unfinished source is one error, not one per destination. */
    private void checkSourceImage() throws InterruptedException {
        List<Image> images;
        try {
            images = client.describeImages(source, List.of(imageId), Image.ALL_STATUSES, null);
        } catch (EcsException e) {
            if ("InvalidRegionId.NotFound".equals(e.code())) {
                throw new EcsException(e.code(), "--region " + source + ": " + e.getMessage(), e.requestId(),
                        e.httpStatus(), e.recommend());
            }
            throw e;
        }
        Image found = images.stream().filter(i -> imageId.equals(i.imageId())).findFirst().orElse(null);
        if (found == null) {
            throw new SentenceError("InvalidImageId.NotFound", new Sentence("copy.no-source", imageId, source));
        }
        if (!Image.AVAILABLE.equals(found.status())) {
            throw new SentenceError("IncorrectImageStatus", found.status() == null
                    ? new Sentence("copy.source-status-unknown", imageId, source)
                    : new Sentence("copy.source-status", imageId, source, found.status()));
        }
    }

    /** {@code --to all}: DescribeRegions at the source, without the source and --exclude. */
    private List<String> everyRegion() throws InterruptedException {
        List<String> listed = client.describeRegions(source, null).stream().map(EcsRegion::regionId).toList();
        for (String x : excluded) {
            if (!listed.contains(x)) {
                throw usage("usage.exclude-not-listed", x, text().list(listed));
            }
        }
        List<String> to = listed.stream().filter(r -> !r.equals(source) && !excluded.contains(r)).toList();
        if (to.isEmpty()) {
            throw usage("usage.all-none-left", text().list(listed));
        }
        root.console().note(text().count("copy.all-regions", to.size(), regions(to)));
        return to;
    }

    /** Regions in a row, each with its name in Chinese ({@code cn-hangzhou 华东1（杭州）、...}). */
    private String regions(List<String> ids) {
        Messages text = text();
        return text.list(ids.stream().map(text::region).toList());
    }

    /**
     * The KMS keys against the destinations; with --share-with, a key for each: a copy encrypted
     * with the service key cannot be shared.
     *
     * @param to the destinations; null under --to all before DescribeRegions (a plain key is refused before any call)
     */
    private void checkKeys(List<String> to, boolean all) {
        try {
            keys.check(to, all ? "--to all" : "--to " + String.join(",", to));
        } catch (InvalidValue e) {
            throw usage(e);
        }
        if (to != null && encrypted && !shareAccounts.isEmpty()) {
            for (String d : to) {
                if (keys.forRegion(d) == null) {
                    throw usage("usage.share-service-key", d);
                }
            }
        }
    }

    /**
     * One CopyImage per destination, in order, until the run ends. After one came back with no
     * answer at all, the others are not sent: every CopyImage goes to the same endpoint, the
     * source region's.
     */
    private void startAll() throws InterruptedException {
        CopyError notSent = null;
        String deadFor = null;
        for (Copy planned : copies.copies()) {
            String d = planned.region();
            if (notSent != null) {
                CopyError why = notSent;
                copies.update(d, c -> c.withError(Copy.NOT_SENT, why));
                continue;
            }
            if (!start(planned)) {
                return;
            }
            CopyError failure = copies.get(d).error();
            if (failure != null && EcsException.NETWORK_ERROR.equals(failure.code())) {
                deadFor = d;
                notSent = new CopyError(failure.code(), new Sentence("copy.not-sent.error", d).english(), null, null,
                        failure.exitStatus());
            }
        }
        if (notSent != null && copies.copies().stream().anyMatch(c -> Copy.NOT_SENT.equals(c.status()))) {
            root.context.err().println("ecs-image: " + text().get("copy.not-sent", deadFor, source));
        }
    }

    /**
     * Starts the copy to one destination (or finds the image to reuse) and records the outcome.
     *
     * @return false when the run is ending and nothing may be sent any more
     */
    private boolean start(Copy planned) throws InterruptedException {
        String d = planned.region();
        try {
            if (ifExists == IfExists.reuse && !dryRun
                    && new ReuseExisting(root, client, copies, name, ProvenanceTag.value(source, imageId)).settle(d)) {
                return true;
            }
            if (!copies.startRequest(d)) {
                return false;
            }
            CopyImageResult r = client.copyImage(request(d, planned.clientToken()));
            copies.update(d, c -> c.accepted(r.imageId(), r.requestId(), false,
                    r.dryRunPassed() ? Copy.DRY_RUN_PASSED : Copy.ACCEPTED));
        } catch (DeadlineReachedException e) {
            throw e; // --timeout: a CopyImage cut short stays in flight, so it shows as Unknown with its token
        } catch (EcsException e) {
            boolean skipped = NOT_SUPPORTED.equals(e.code()) && isAll();
            if (skipped) {
                root.console().note(text().get("copy.skipped", d, e.describe()));
            } else {
                ErrorReport.print(root.console(), d, e, root.maxAttempts);
            }
            String status = skipped ? Copy.SKIPPED : answerLost(e) ? Copy.UNKNOWN : Copy.ERROR;
            copies.update(d, c -> c.withError(status, CopyError.of(e)));
        }
        return true;
    }

    /** A CopyImage that failed without a usable answer may have made the copy: its token finds it. */
    private boolean answerLost(EcsException e) {
        return !dryRun && e.isTransient() && (e.httpStatus() == 0 || e.httpStatus() >= 500
                || EcsException.BAD_RESPONSE.equals(e.code()));
    }

    /** The CopyImage of one destination: the options, and the provenance tag (also in a dry run: it is checked too). */
    private CopyImageRequest request(String destination, String token) {
        List<Tag> allTags = new ArrayList<>(parsedTags);
        if (!noProvenanceTag) {
            allTags.add(ProvenanceTag.of(source, imageId));
        }
        return new CopyImageRequest(source, imageId, destination, name, description, encrypted,
                keys.forRegion(destination), resourceGroupId, allTags, token, dryRun);
    }

    private boolean isAll() {
        return destinations.equals(List.of(ALL));
    }

    /**
     * Follows the copies that were made until each ends, keeping the copy set up to date.
     *
     * @return why the wait ended early, or null when every copy ended
     */
    private Sentence follow() throws InterruptedException {
        List<Target> targets = copies.copies().stream().filter(c -> Copy.ACCEPTED.equals(c.status()))
                .map(c -> new Target(c.region(), c.imageId(), true)).toList();
        if (targets.isEmpty() || copies.isClosed()) {
            return null;
        }
        session = new WaitSession(root, client, targets, Image.WAITING, new CopySetUpdates(), retries);
        List<TargetResult> results = session.run(CopyWatcher.Goal.FINAL_STATE, timing.interval, deadline);
        if (copies.isClosed()) {
            return null;
        }
        results.forEach(this::reportEnd);
        return results.stream().anyMatch(r -> r.outcome() == Outcome.IN_PROGRESS) ? timedOut() : null;
    }

    private Sentence timedOut() {
        return new Sentence("why.still-running", DurationText.format(timing.timeout));
    }

    /** Keeps each copy's status as last seen; shares each copy once it is Available (--share-with). */
    private final class CopySetUpdates implements WatchListener {
        @Override
        public void seen(Target target, Image image) {
            copies.update(target.region(), c -> c.withStatus(image.status(), image.progress(), image.remainingSeconds()));
        }

        @Override
        public void finished(TargetResult result) {
            String region = result.target().region();
            switch (result.outcome()) {
                case GONE, NOT_FOUND -> copies.update(region, c -> c.withStatus(Copy.GONE, null, null));
                case ERROR -> copies.update(region, c -> c.withError(c.status(), CopyError.of(result.error())));
                case AVAILABLE -> share(region);
                default -> { }
            }
        }

        private void share(String region) {
            if (shareAccounts.isEmpty()) {
                return;
            }
            try {
                sharing.share(region);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the watch's next sleep ends the run
            }
        }
    }

    private void reportEnd(TargetResult result) {
        PrintWriter err = root.context.err();
        String region = result.target().region();
        String id = result.target().imageId();
        switch (result.outcome()) {
            case FAILED -> err.println("ecs-image: " + text().get("copy.ended", region, id,
                    text().status(result.lastSeen().status())));
            case GONE, NOT_FOUND -> err.println("ecs-image: " + text().get("copy.vanished", region, id));
            case ERROR -> ErrorReport.print(root.console(), region, result.error(), root.maxAttempts);
            default -> { }
        }
    }

    /**
     * Ctrl-C or SIGTERM (the JVM's shutdown hook): no more CopyImage; a moment for the answer of
     * the one in flight; then the same end as a normal run, from what is known now.
     */
    private void abort() {
        copies.close();
        WaitSession waiting = session;
        if (waiting != null) {
            waiting.stop();
        }
        AbortHooks.endEchoedLine(root.context);
        Instant end = root.context.clock().instant().plus(ANSWER_GRACE);
        try {
            while (copies.requestInFlight() && root.context.clock().instant().isBefore(end)) {
                root.context.sleeper().sleep(GRACE_POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish(INTERRUPTED);
    }

    /**
     * The end of the run, once, by whoever comes first (the command or the abort hook): the copy
     * set on stdout, how to find copies whose CopyImage got no answer, and what to do about the
     * copies still running.
     *
     * @param why what ended the run early, null for a normal end
     * @return the exit status, or null when the run had ended already
     */
    private synchronized Integer finish(Sentence why) {
        if (ended) {
            return null;
        }
        ended = true;
        copies.close();
        CopySet set = copies.snapshot();
        new ResultWriter(root.console()).copies(set);
        if (dryRun && set.copies().stream().anyMatch(c -> Copy.DRY_RUN_PASSED.equals(c.status()))
                && set.copies().stream().allMatch(c -> c.exitStatus() == ExitStatus.SUCCESS)) {
            root.console().note(text().get("copy.dry-run-passed", regions(set.copies().stream()
                    .filter(c -> Copy.DRY_RUN_PASSED.equals(c.status())).map(Copy::region).toList())));
        }
        if (dryRun && !shareAccounts.isEmpty()) {
            root.console().note(text().get("copy.dry-run-no-sharing"));
        }
        sharing.reportFailures(set);
        set.copies().stream().filter(c -> Copy.UNKNOWN.equals(c.status())).forEach(this::reportUnknown);
        List<String> notSent = set.copies().stream().filter(c -> Copy.NOT_SENT.equals(c.status()) && c.error() == null)
                .map(Copy::region).toList();
        if (!notSent.isEmpty()) {
            root.console().note(text().get("copy.not-sent.ended", text().list(notSent)));
        }
        if (why != null) {
            List<ImageRef> running = set.copies().stream().filter(Copy::running)
                    .map(c -> new ImageRef(c.region(), c.imageId())).toList();
            boolean cancel = cancelOnAbort && why != NOT_WAITING;
            StillRunning.report(root, client, running, cancel, why);
            sharing.reportUnfinished(set, this::copyAgain, cancel);
        }
        root.context.out().flush();
        root.context.err().flush();
        return set.copies().stream().map(Copy::exitStatus).filter(s -> s != ExitStatus.SUCCESS)
                .findFirst().orElse(ExitStatus.SUCCESS).code;
    }

    /** A CopyImage that got no answer: the copy may exist. Its exact request, with its token, finds it again. */
    private void reportUnknown(Copy copy) {
        if (root.sandbox) {
            root.console().note(text().get("copy.no-answer.sandbox", copy.region()));
            return;
        }
        PrintWriter err = root.context.err();
        err.println("ecs-image: " + text().get("copy.no-answer", copy.region(), copy.clientToken()));
        err.println("  " + new FollowUpCommands(root).line(copyAgain(copy)));
    }

    /** The arguments of a copy command that sends exactly the CopyImage that {@code copy} was sent with. */
    private List<String> copyAgain(Copy copy) {
        List<String> args = new ArrayList<>(List.of("copy", "-i", imageId, "-r", source, "-t", copy.region(),
                "--client-token", copy.clientToken()));
        if (name != null) {
            args.addAll(List.of("-n", name));
        }
        if (description != null) {
            args.addAll(List.of("-d", description));
        }
        if (encrypted) {
            args.add("--encrypted");
        }
        String key = keys.forRegion(copy.region());
        if (key != null) {
            args.addAll(List.of("--kms-key-id", key));
        }
        for (Tag t : parsedTags) {
            args.addAll(List.of("--tag", t.key() + "=" + t.value()));
        }
        if (noProvenanceTag) {
            args.add("--no-provenance-tag");
        }
        if (resourceGroupId != null) {
            args.addAll(List.of("--resource-group-id", resourceGroupId));
        }
        if (ifExists == IfExists.reuse) {
            args.addAll(List.of("--if-exists", "reuse"));
        }
        if (!shareAccounts.isEmpty()) {
            args.addAll(List.of("--share-with", String.join(",", shareAccounts)));
        }
        return args;
    }

    private List<Tag> checkOptions() {
        timing.check();
        if (name != null) {
            reject("--name", name, CopyChecks.imageName(name));
        }
        if (description != null) {
            reject("--description", description, CopyChecks.description(description));
        }
        keys = checked(() -> KmsKeys.parse(kmsKeyIds));
        if (!keys.isEmpty() && !encrypted) {
            throw usage("usage.kms-needs-encrypted");
        }
        List<Tag> parsed = checked(() -> CopyChecks.tags(tags, !noProvenanceTag));
        if (clientToken != null) {
            reject("--client-token", clientToken, CopyChecks.clientToken(clientToken));
        }
        if (ifExists == IfExists.reuse && name == null) {
            throw usage("usage.reuse-needs-name");
        }
        shareAccounts = checked(() -> ShareAccounts.parse(shareWith));
        if (!shareAccounts.isEmpty() && noWait) {
            throw usage("usage.share-no-wait");
        }
        return parsed;
    }

    /** @return true for {@code --to all} */
    private boolean checkRegions() {
        reject("--region", source, CopyChecks.region(source));
        if (destinations.isEmpty() || destinations.stream().anyMatch(String::isBlank)) {
            throw usage("usage.to-empty-item");
        }
        if (destinations.contains(ALL)) {
            if (destinations.size() > 1) {
                throw usage("usage.all-alone", String.join(",", destinations));
            }
            checkExcluded();
            checkKeys(null, true);
            return true;
        }
        if (!excluded.isEmpty()) {
            throw usage("usage.exclude-without-all");
        }
        Set<String> seen = new HashSet<>();
        for (String d : destinations) {
            reject("--to", d, CopyChecks.region(d));
            if (d.equals(source)) {
                throw usage("usage.to-source", d);
            }
            if (!seen.add(d)) {
                throw usage("usage.to-twice", d);
            }
        }
        checkKeys(destinations, false);
        return false;
    }

    private void checkExcluded() {
        for (String x : excluded) {
            reject("--exclude", x, x.isBlank() ? new Sentence("value.empty") : CopyChecks.region(x));
        }
    }

    /** A usage error for {@code option}'s {@code value} that breaks the rule {@code problem}, if any. */
    private void reject(String option, String value, Sentence problem) {
        if (problem != null) {
            throw usage("usage.option-value", option, value, problem);
        }
    }

    private ParameterException usage(String key, Object... args) {
        return new ParameterException(spec.commandLine(), text().get(key, args));
    }

    private ParameterException usage(InvalidValue refused) {
        return new ParameterException(spec.commandLine(), refused.in(text()));
    }

    /** What {@code parse} makes of an option's items; a usage error when it refuses one. */
    private <T> T checked(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValue e) {
            throw usage(e);
        }
    }

    private Messages text() {
        return root.text();
    }
}
