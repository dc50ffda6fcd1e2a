package dev.ecsimage.cli;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.CopyImageRequest;
import dev.ecsimage.api.CopyImageResult;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.Image;
import dev.ecsimage.api.Tag;
import dev.ecsimage.copyset.CopyRow;
import dev.ecsimage.output.ErrorReport;
import dev.ecsimage.output.ResultWriter;
import dev.ecsimage.watch.CopyWatcher;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ecs-image copy}: one CopyImage per destination, in the given order, each with its own
 * ClientToken; then, unless --no-wait, follow every copy until it ends.
 */
@Command(name = "copy", sortOptions = false,
        description = {"Copy a custom image from --region to one or more regions and wait until every copy "
                + "is Available (or failed).",
                "Each option maps to a CopyImage parameter; stdout gets one line per destination."})
final class CopyCommand implements Callable<Integer> {
    enum IfExists { fail, reuse }

    @ParentCommand
    EcsImageCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--image-id"}, required = true, paramLabel = "IMAGE_ID",
            description = "The source image (ImageId), in --region.")
    String imageId;

    @Option(names = {"-t", "--to"}, required = true, split = ",", paramLabel = "REGION",
            completionCandidates = RegionCandidates.class,
            description = "Destination regions (DestinationRegionId), comma-separated or repeated; "
                    + "one CopyImage each, in this order.")
    List<String> destinations;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME",
            description = "Name of the copies (DestinationImageName): 2-128 characters, starting with a letter "
                    + "(English or Chinese); letters, digits, '.', ':', '_', '-'.")
    String name;

    @Option(names = {"-d", "--description"}, paramLabel = "TEXT",
            description = "Description of the copies (DestinationDescription): 2-256 characters, "
                    + "not starting with http:// or https://.")
    String description;

    @Option(names = "--encrypted", description = "Encrypt the copies (Encrypted=true).")
    boolean encrypted;

    @Option(names = "--kms-key-id", paramLabel = "ID", description = "KMS key for --encrypted copies (KMSKeyId).")
    String kmsKeyId;

    @Option(names = "--tag", paramLabel = "KEY=VALUE",
            description = "Tag the copies (Tag.N.Key/Value); repeatable, at most 20.")
    List<String> tags = new ArrayList<>();

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
            description = "When a destination already has an image named --name: fail (default, exit 7) or reuse it, "
                    + "i.e. wait for it as if it were the new copy.")
    IfExists ifExists = IfExists.fail;

    @Override
    public Integer call() throws InterruptedException {
        List<Tag> parsedTags = checkOptions();
        String source = ClientFactory.region(root);
        checkRegions(source);
        String token = clientToken != null ? clientToken : root.context.ids().get();
        try (EcsClient client = ClientFactory.create(root)) {
            List<CopyRow> started = new CopyOnWriteArrayList<>();
            // Interrupted while the copies are being started: say what was started, or cancel it.
            Object hook = root.context.abortHooks().register(() -> WaitSession.leaveRunning(root, client,
                    targets(started), cancelOnAbort, "interrupted"));
            try {
                for (String destination : destinations) {
                    started.add(start(client, source, destination,
                            ClientTokens.forDestination(token, destination, destinations.size()), parsedTags));
                }
            } finally {
                root.context.abortHooks().unregister(hook);
            }
            List<CopyRow> rows = started;
            if (dryRun) {
                if (rows.stream().allMatch(CopyRow::dryRunPassed)) {
                    root.console().note("dry run passed: CopyImage would be accepted for "
                            + String.join(", ", destinations) + " (nothing was copied)");
                }
            } else if (!noWait) {
                rows = follow(client, rows);
            }
            new ResultWriter(root.console()).copies(source, imageId, rows);
            return rows.stream().map(CopyRow::exitStatus).filter(s -> s != ExitStatus.SUCCESS)
                    .findFirst().orElse(ExitStatus.SUCCESS).code;
        }
    }

    private CopyRow start(EcsClient client, String source, String destination, String token, List<Tag> parsedTags)
            throws InterruptedException {
        try {
            if (ifExists == IfExists.reuse && !dryRun) {
                for (Image existing : client.describeImages(destination, null, Image.ALL_STATUSES, name)) {
                    if (name.equals(existing.name())) {
                        root.console().note("reusing " + existing.imageId() + " in " + destination + ", already named " + name
                                + " (" + existing.status() + ")");
                        return new CopyRow(destination, token, existing.imageId(), null, true, false, null, null);
                    }
                }
            }
            CopyImageResult r = client.copyImage(new CopyImageRequest(source, imageId, destination, name, description,
                    encrypted, kmsKeyId, resourceGroupId, parsedTags, token, dryRun));
            return new CopyRow(destination, token, r.imageId(), r.requestId(), false, r.dryRunPassed(), null, null);
        } catch (EcsException e) {
            ErrorReport.print(root.console(), destination, e, root.maxAttempts);
            return CopyRow.failed(destination, token, e);
        }
    }

    /** The copies that were made (no dry run, no error), to follow. */
    private List<Target> targets(List<CopyRow> rows) {
        return rows.stream().filter(r -> r.error() == null && !r.dryRunPassed())
                .map(r -> new Target(r.region(), r.imageId(), true)).toList();
    }

    private List<CopyRow> follow(EcsClient client, List<CopyRow> rows) throws InterruptedException {
        List<Target> targets = targets(rows);
        if (targets.isEmpty()) {
            return rows;
        }
        List<TargetResult> results = new WaitSession(root, client, targets, cancelOnAbort, Image.WAITING)
                .run(CopyWatcher.Goal.FINAL_STATE, timing);
        List<CopyRow> out = new ArrayList<>();
        int next = 0;
        for (CopyRow r : rows) {
            if (r.error() != null) {
                out.add(r);
                continue;
            }
            TargetResult result = results.get(next++);
            CopyRow done = r.withResult(result);
            reportEnd(done);
            out.add(done);
        }
        return out;
    }

    private void reportEnd(CopyRow row) {
        var err = root.context.err();
        switch (row.result().outcome()) {
            case FAILED -> err.println("ecs-image: " + row.region() + ": the copy " + row.imageId() + " ended "
                    + row.result().lastSeen().status());
            case GONE, NOT_FOUND -> err.println("ecs-image: " + row.region() + ": the copy " + row.imageId()
                    + " disappeared while being waited for (cancelled or deleted elsewhere?)");
            case ERROR -> ErrorReport.print(root.console(), row.region(), row.result().error(), root.maxAttempts);
            default -> { }
        }
    }


    private List<Tag> checkOptions() {
        timing.check();
        if (name != null) {
            reject("--name", name, CopyChecks.imageName(name));
        }
        if (description != null) {
            reject("--description", description, CopyChecks.description(description));
        }
        if (kmsKeyId != null && !encrypted) {
            throw usage("--kms-key-id needs --encrypted (the API rejects a KMS key for an unencrypted copy: "
                    + "InvalidParameter.EncryptedIllegal)");
        }
        if (tags.size() > CopyChecks.MAX_TAGS) {
            throw usage("--tag: at most " + CopyChecks.MAX_TAGS + " tags (got " + tags.size() + ")");
        }
        List<Tag> parsed = new ArrayList<>();
        for (String t : tags) {
            Tag tag = CopyChecks.parseTag(t);
            if (tag == null) {
                throw usage("--tag '" + t + "' must be KEY=VALUE");
            }
            String problem = CopyChecks.tag(tag, parsed);
            if (problem != null) {
                throw usage("--tag '" + t + "': " + problem);
            }
            parsed.add(tag);
        }
        if (clientToken != null) {
            reject("--client-token", clientToken, CopyChecks.clientToken(clientToken));
        }
        if (ifExists == IfExists.reuse && name == null) {
            throw usage("--if-exists reuse needs --name: the existing image is found by its name");
        }
        return parsed;
    }

    private void checkRegions(String source) {
        String problem = CopyChecks.region(source);
        if (problem != null) {
            throw usage("--region '" + source + "' " + problem);
        }
        Set<String> seen = new HashSet<>();
        for (String d : destinations) {
            problem = CopyChecks.region(d);
            if (problem != null) {
                throw usage("--to '" + d + "' " + problem);
            }
            if (d.equals(source)) {
                throw usage("--to '" + d + "' is the source region (--region): a copy must go to another region");
            }
            if (!seen.add(d)) {
                throw usage("--to '" + d + "' is given twice: each destination gets one copy");
            }
        }
    }

    private void reject(String option, String value, String problem) {
        if (problem != null) {
            throw usage(option + " '" + value + "' " + problem);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
