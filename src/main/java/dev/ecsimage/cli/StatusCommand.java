package dev.ecsimage.cli;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.Image;
import dev.ecsimage.output.ErrorReport;
import dev.ecsimage.output.ImageRow;
import dev.ecsimage.output.ResultWriter;
import dev.ecsimage.watch.CopyWatcher;
import dev.ecsimage.watch.Outcome;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ecs-image status}: where images stand, in ONE DescribeImages call for all ids (every
 * status asked for: without the filter the service hides copies in progress); with --wait,
 * follow them until each is final.
 */
@Command(name = "status", sortOptions = false,
        description = {"Show the status, progress and remaining time of images in --region (for a copy: "
                + "its destination region).",
                "Exit 0 when all are Available, 12 while any is in progress, 10 if one failed, 5 if one does not exist."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    EcsImageCommand root;

    @Option(names = {"-i", "--image-id"}, required = true, split = ",", paramLabel = "IMAGE_ID",
            description = "Images to show, comma-separated or repeated.")
    List<String> imageIds;

    @Option(names = "--wait", description = "Follow until every image is in a final state.")
    boolean wait;

    @Mixin
    WaitTiming timing;

    @Override
    public Integer call() throws InterruptedException {
        timing.check();
        String region = ClientFactory.region(root);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(imageIds));
        try (EcsClient client = ClientFactory.create(root)) {
            List<Target> targets = ids.stream().map(id -> new Target(region, id, false)).toList();
            List<TargetResult> results;
            if (wait) {
                results = new WaitSession(root, client, targets, false, "-").run(CopyWatcher.Goal.FINAL_STATE, timing);
            } else {
                List<Image> images = client.describeImages(region, ids, Image.ALL_STATUSES, null);
                results = targets.stream().map(t -> snapshot(t, images)).toList();
            }
            List<ImageRow> rows = new ArrayList<>();
            ExitStatus status = ExitStatus.SUCCESS;
            for (TargetResult r : results) {
                ExitStatus s = ExitStatus.of(r);
                if (status == ExitStatus.SUCCESS) {
                    status = s;
                }
                if (r.error() != null) {
                    ErrorReport.print(root.console(), r.target().region(), r.error(), root.maxAttempts);
                }
                if (r.lastSeen() == null) {
                    rows.add(ImageRow.bare(region, r.target().imageId(), r.error() != null ? "Error" : "NotFound"));
                    if (r.error() == null) {
                        root.context.err().println("ecs-image: " + region + ": no image " + r.target().imageId());
                    }
                } else {
                    rows.add(ImageRow.of(r.lastSeen()));
                }
            }
            new ResultWriter(root.console()).images(rows);
            return status.code;
        }
    }

    private static TargetResult snapshot(Target t, List<Image> images) {
        Image image = images.stream().filter(i -> t.imageId().equals(i.imageId())).findFirst().orElse(null);
        if (image == null) {
            return new TargetResult(t, Outcome.NOT_FOUND, null, null);
        }
        Outcome outcome = !image.isFinal() ? Outcome.IN_PROGRESS
                : image.isFailed() ? Outcome.FAILED : Outcome.AVAILABLE;
        return new TargetResult(t, outcome, image, null);
    }
}
