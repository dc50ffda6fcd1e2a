package dev.ecsimage.cli;

import dev.ecsimage.api.DeadlineReachedException;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.copyset.Copy;
import dev.ecsimage.copyset.CopyError;
import dev.ecsimage.copyset.CopySet;
import dev.ecsimage.output.ErrorReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code copy --share-with}: each copy is shared with the accounts as soon as it is Available (a
 * destination does not wait for the others), by ModifyImageSharePermission in its region, ten
 * accounts a call (the service reads AddAccount.1 to .10 and ignores the rest). After each call the
 * copy set records the accounts shared so far, so a run that ends half-way (an error, --timeout,
 * Ctrl-C) names exactly those. A failure keeps the copy: its error goes on the copy's row, with
 * its exit status, and on stderr when the run ends. Sharing with an account that has the image
 * already is no error, so sharing a reused image, or the same copy again, is safe.
 */
final class CopySharing {
    private final EcsImageCommand root;
    private final EcsClient client;
    private final CopySet copies;
    private final List<String> accounts;
    private final Map<String, EcsException> failures = new ConcurrentHashMap<>();

    CopySharing(EcsImageCommand root, EcsClient client, CopySet copies, List<String> accounts) {
        this.root = root;
        this.client = client;
        this.copies = copies;
        this.accounts = accounts;
    }

    /** Shares the copy to {@code region}, which has just become Available; no call starts once the run is ending. */
    void share(String region) throws InterruptedException {
        String imageId = copies.get(region).imageId();
        List<String> shared = new ArrayList<>();
        for (int from = 0; from < accounts.size(); from += EcsClient.SHARE_BATCH) {
            if (copies.isClosed()) {
                return;
            }
            List<String> batch = accounts.subList(from, Math.min(from + EcsClient.SHARE_BATCH, accounts.size()));
            try {
                client.modifyImageSharePermission(region, imageId, batch);
            } catch (EcsException e) {
                failures.put(region, e);
                copies.update(region, c -> c.withError(c.status(), CopyError.of(e)));
                return;
            }
            shared.addAll(batch);
            List<String> now = List.copyOf(shared);
            copies.update(region, c -> c.withSharedWith(now));
        }
    }

    /** stderr: each failed share, in the order of the destinations, with the hint that helps. */
    void reportFailures(CopySet set) {
        for (Copy c : set.copies()) {
            EcsException e = failures.get(c.region());
            if (e != null) {
                ErrorReport.print(root.console(), root.text().get("share.failed", c.region(), c.imageId()), e,
                        root.maxAttempts);
            }
        }
    }

    /**
     * stderr: for each copy the run ended before it was shared with every account (still
     * running, or Available with a share cut short by --timeout or a signal), the command that
     * waits for it and shares it. With --sandbox there is nothing to do later.
     *
     * @param copyAgain the arguments of the copy command that finds that copy again
     * @param cancelled whether the copies still running were cancelled (--cancel-on-abort)
     */
    void reportUnfinished(CopySet set, Function<Copy, List<String>> copyAgain, boolean cancelled) {
        if (root.sandbox) {
            return;
        }
        PrintWriter err = root.context.err();
        for (Copy c : set.copies()) {
            boolean owed = c.imageId() != null && c.sharedWith() != null && !c.sharedWith().containsAll(accounts)
                    && (c.error() == null || DeadlineReachedException.CODE.equals(c.error().code()))
                    && (c.available() || (c.running() && !cancelled));
            if (owed) {
                err.println("ecs-image: " + root.text().get("share.unfinished", c.region(), c.imageId()));
                err.println("  " + new FollowUpCommands(root).line(copyAgain.apply(c)));
            }
        }
    }
}
