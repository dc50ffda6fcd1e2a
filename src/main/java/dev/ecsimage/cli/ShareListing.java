package dev.ecsimage.cli;

import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.SharedAccount;
import dev.ecsimage.copyset.CopyError;
import dev.ecsimage.output.ErrorReport;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code status --shares}: whom each image is shared with, one DescribeImageSharePermission (every
 * page) per image that was seen. An image whose accounts could not be listed gets that error (on
 * stderr at once, and on its row, with its exit status).
 */
final class ShareListing {
    /** The accounts of one image, or why they are not known. */
    record Listed(List<String> accounts, CopyError error) {}

    private ShareListing() {}

    /** @return per target that was seen, in order, its accounts or its error */
    static Map<Target, Listed> ask(EcsImageCommand root, EcsClient client, List<TargetResult> results)
            throws InterruptedException {
        Map<Target, Listed> listed = new LinkedHashMap<>();
        for (TargetResult r : results) {
            if (r.lastSeen() == null) {
                continue;
            }
            Target t = r.target();
            try {
                List<String> accounts = client.describeImageSharePermission(t.region(), t.imageId()).stream()
                        .map(SharedAccount::aliyunId).toList();
                listed.put(t, new Listed(accounts, null));
            } catch (EcsException e) {
                ErrorReport.print(root.console(), root.text().get("share.listing-failed", t.region(), t.imageId()), e,
                        root.maxAttempts);
                listed.put(t, new Listed(null, CopyError.of(e)));
            }
        }
        return listed;
    }
}
