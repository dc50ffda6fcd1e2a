package dev.ecsimage.cli;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.output.ResultWriter;
import dev.ecsimage.watch.CopyWatcher;
import dev.ecsimage.watch.Outcome;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ecs-image cancel}: CancelCopyImage for a copy in its destination region; --wait until it is gone. */
@Command(name = "cancel", sortOptions = false,
        description = "Cancel a copy in progress. --region is the copy's destination region; the source image stays.")
final class CancelCommand implements Callable<Integer> {
    @ParentCommand
    EcsImageCommand root;

    @Option(names = {"-i", "--image-id"}, required = true, paramLabel = "IMAGE_ID",
            description = "The copy to cancel (the image id in the destination region).")
    String imageId;

    @Option(names = "--wait", description = "Wait until DescribeImages no longer lists the copy.")
    boolean wait;

    @Mixin
    WaitTiming timing;

    @Override
    public Integer call() throws InterruptedException {
        timing.check();
        String region = ClientFactory.region(root);
        try (EcsClient client = ClientFactory.create(root)) {
            String requestId = client.cancelCopyImage(region, imageId);
            if (wait) {
                List<TargetResult> results = new WaitSession(root, client, List.of(new Target(region, imageId, true)),
                        false, "Cancelling").run(CopyWatcher.Goal.GONE, timing);
                TargetResult r = results.get(0);
                if (r.outcome() != Outcome.GONE) {
                    return ExitStatus.of(r).code;
                }
            }
            new ResultWriter(root.console()).cancelled(region, imageId, requestId);
            return ExitStatus.SUCCESS.code;
        }
    }
}
