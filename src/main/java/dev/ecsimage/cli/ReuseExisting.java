package dev.ecsimage.cli;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.Image;
import dev.ecsimage.copyset.Copy;
import dev.ecsimage.copyset.CopyError;
import dev.ecsimage.copyset.CopySet;
import dev.ecsimage.output.Sentence;
import java.io.PrintWriter;

/**
 * {@code --if-exists reuse} for one destination: whether an image already named --name there may
 * stand for the copy. Only the account's own images (ImageOwnerAlias=self, and said so in the
 * answer) whose name is exactly --name count: DescribeImages' ImageName is a fuzzy match
 * ({@code release-10} finds {@code release-10-old}), and without ImageOwnerAlias it also lists
 * images other accounts share with this one, and public ones. Adopting one of those as "our copy"
 * would deploy an image nobody made from this source.
 *
 * <p>Of an own image of that name: one whose {@link ProvenanceTag} names another source is a
 * conflict; one that ended CreateFailed or UnAvailable is a conflict too (waiting for it is
 * pointless, and CopyImage would refuse the name); one without the tag is reused with a warning
 * that its source cannot be verified; one whose tag names this source is reused.
 */
final class ReuseExisting {
    /** The code of the row when the image of that name is a copy of another source. */
    static final String OTHER_SOURCE = "ExistingImage.OtherSource";
    /** The code of the row when the image of that name ended CreateFailed or UnAvailable. */
    static final String FAILED = "ExistingImage.Failed";

    private final EcsImageCommand root;
    private final EcsClient client;
    private final CopySet copies;
    private final String name;
    private final String source;

    /** @param source this copy's source, as the provenance tag writes it ({@code cn-hangzhou/m-bp1xxxx}) */
    ReuseExisting(EcsImageCommand root, EcsClient client, CopySet copies, String name, String source) {
        this.root = root;
        this.client = client;
        this.copies = copies;
        this.name = name;
        this.source = source;
    }

    /**
     * Looks for the image named --name in {@code region}; when there is one, the copy to that
     * region is settled: reused (Accepted, to be waited for) or refused (Error, exit 7).
     *
     * @return true when settled, false when there is no such image and the copy is to be made
     */
    boolean settle(String region) throws InterruptedException {
        Image existing = client.describeImages(region, null, Image.ALL_STATUSES, name, Image.OWNED_BY_SELF).stream()
                .filter(i -> name.equals(i.name()) && i.isOwn()).findFirst().orElse(null);
        if (existing == null) {
            return false;
        }
        String id = existing.imageId();
        String tagged = ProvenanceTag.sourceOf(existing);
        if (tagged != null && !tagged.equals(source)) {
            refuse(region, OTHER_SOURCE, new Sentence("reuse.other-source", id, name, tagged, ProvenanceTag.KEY, source));
        } else if (existing.isFailed()) {
            refuse(region, FAILED, new Sentence("reuse.failed", id, name, existing.status()));
        } else {
            if (tagged == null) {
                root.context.err().println(root.text().get("warning.line",
                        root.text().get("reuse.untagged", region, id, name, ProvenanceTag.KEY)));
            } else {
                root.console().note(root.text().get("reuse.reusing", id, region, name, existing.status()));
            }
            copies.update(region, c -> c.accepted(id, null, true, Copy.ACCEPTED));
        }
        return true;
    }

    /**
     * The destination's row is an error (exit 7), without the other image's id: nothing may act on
     * it by mistake. stderr says it in the user's language; the row keeps the English, as JSON does.
     */
    private void refuse(String region, String code, Sentence message) {
        PrintWriter err = root.context.err();
        err.println("ecs-image: " + region + ": " + code + ": " + message.in(root.text()));
        if (!root.quiet) {
            err.println(root.text().get("hint.line", root.text().get("hint.reuse-refused")));
        }
        copies.update(region, c -> c.withError(Copy.ERROR,
                new CopyError(code, message.english(), null, null, ExitStatus.CONFLICT.code)));
    }
}
