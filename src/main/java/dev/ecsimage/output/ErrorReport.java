package dev.ecsimage.output;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.copyset.CopyError;
import dev.ecsimage.copyset.CopySetJson;
import java.io.PrintWriter;
import java.util.Map;

/**
 * How one error is shown: the line {@code ecs-image: Code: Message (HTTP 403, RequestId X)},
 * a hint where one helps, the Recommend URL with --verbose; or its JSON object for {@code -o json}.
 */
public final class ErrorReport {
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("InvalidTimeStamp.Expired",
                    "this computer's clock is off by more than 15 minutes: set it right (e.g. with NTP) and retry"),
            Map.entry("InvalidImageName.Duplicated",
                    "the destination already has an image of that name: --if-exists reuse waits for it, or choose another --name"),
            Map.entry("SignatureDoesNotMatch",
                    "check the AccessKey secret; --verbose shows our string to sign next to the service's"),
            Map.entry("IncompleteSignature",
                    "check the AccessKey secret; --verbose shows our string to sign next to the service's"),
            Map.entry("OperationDenied.ImageCopying",
                    "a copy of this image to that region is still running: follow it with 'ecs-image status --wait'"),
            Map.entry("IdempotentParameterMismatch",
                    "this --client-token was used before with other parameters: use a new token"),
            Map.entry("QuotaExceed.Image",
                    "the destination region's custom image quota is used up: delete unused images or raise the quota"),
            Map.entry("IncorrectImageStatus",
                    "the image is not in a state that allows this (a copy's source must be Available)"),
            Map.entry("InvalidParameter.EncryptedIllegal", "--kms-key-id needs --encrypted"),
            Map.entry("InvalidAccount.NotFound",
                    "check the account ids of --share-with: each must be an existing Alibaba Cloud account"),
            Map.entry("InvalidAccount.Forbbiden",
                    "--share-with names the account that owns the image: an image cannot be shared with its owner"),
            Map.entry("QuotaExceed.ShareImageUser",
                    "an image can be shared with at most 50 accounts: unshare some (status --shares lists them)"),
            Map.entry("InvalidOperation.ServiceKeyEncryptedImageUnsupported",
                    "an image encrypted with the service key cannot be shared: copy it with --encrypted and "
                            + "--kms-key-id REGION=KEY_ID"),
            Map.entry("AssumeRoleError",
                    "sharing an encrypted image needs the RAM role AliyunECSShareEncryptImageDefaultRole, which is "
                            + "missing: create it"));

    /** For status and cancel, when an image is not found: the usual mix-up is giving the source region. */
    public static final String COPY_REGION_HINT = "an image id's region (--region, or REGION: before the id) is where "
            + "the image lives: for a copy, its destination region, not the source";

    private static final String RAM_HINT = "the RAM user or role needs the actions ecs:CopyImage, "
            + "ecs:DescribeImages and ecs:CancelCopyImage on these images (to share them, also "
            + "ecs:ModifyImageSharePermission and ecs:DescribeImageSharePermission)";

    private ErrorReport() {}

    static String line(String prefix, EcsException e) {
        return "ecs-image: " + (prefix == null ? "" : prefix + ": ") + e.describe();
    }

    static String hint(EcsException e, int maxAttempts) {
        String code = e.code();
        if (code.equals("Forbbiden") || code.startsWith("Forbidden")) {
            return RAM_HINT;
        }
        if (e.isTransient()) {
            return "gave up after " + maxAttempts + (maxAttempts == 1 ? " attempt" : " attempts")
                    + ": retry later, or raise --max-attempts";
        }
        return HINTS.get(code);
    }

    /**
     * Prints the error (and hint, unless quiet) to stderr.
     *
     * @param prefix      the destination region the error is about, or null
     * @param maxAttempts how many attempts a transient failure had, for its hint
     */
    public static void print(Console console, String prefix, EcsException e, int maxAttempts) {
        PrintWriter err = console.err();
        err.println(line(prefix, e));
        String hint = hint(e, maxAttempts);
        if (hint != null && !console.quiet()) {
            err.println("hint: " + hint);
        }
        if (console.verbose() && e.recommend() != null) {
            err.println("see: " + e.recommend());
        }
    }

    public static ObjectNode json(EcsException e) {
        return CopySetJson.error(CopyError.of(e));
    }

    public static ObjectNode json(String code, String message, ExitStatus status) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("code", code);
        o.put("message", message);
        o.putNull("requestId");
        o.putNull("httpStatus");
        o.put("exitStatus", status.code);
        return o;
    }
}
