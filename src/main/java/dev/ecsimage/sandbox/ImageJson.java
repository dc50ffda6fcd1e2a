package dev.ecsimage.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.transport.RequestSigner;
import java.time.Duration;

/** One image as DescribeImages shows it (ECS-API-NOTES section 4), with its one system disk. */
final class ImageJson {
    private ImageJson() {}

    /**
     * @param isPublic  a public image, or a community image (published with IsPublic)
     * @param remaining the copy's expected time left (zero when it is no copy in progress)
     */
    static ObjectNode of(SandboxImage image, int progress, boolean isPublic, Duration remaining) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("ImageId", image.id());
        n.put("ImageName", image.name());
        n.put("ImageVersion", "");
        n.put("Description", image.description() == null ? "" : image.description());
        n.put("Status", image.status());
        n.put("Progress", progress + "%");
        n.put("Size", image.sizeGiB());
        n.put("CreationTime", RequestSigner.TIMESTAMP.format(image.creationTime()));
        n.put("IsCopied", image.copied());
        n.put("ImageOwnerAlias", image.ownerAlias());
        n.put("IsPublic", isPublic);
        n.put("OSType", "linux");
        n.put("OSName", "Alibaba Cloud Linux 3.2104 LTS 64位");
        n.put("Architecture", "x86_64");
        n.put("Platform", "Aliyun");
        n.put("Usage", "none");
        n.put("IsSubscribed", false);
        n.put("IsSupportCloudinit", true);
        n.put("IsSupportIoOptimized", true);
        n.put("ProductCode", image.behaviour() == CopyBehaviour.MARKETPLACE ? "cmjj028279" : "");
        n.put("ResourceGroupId", image.resourceGroupId() == null ? "" : image.resourceGroupId());
        ObjectNode disk = JsonNodeFactory.instance.objectNode()
                .put("Device", "/dev/xvda")
                .put("Type", "system")
                .put("Size", Integer.toString(image.sizeGiB()))
                .put("SnapshotId", image.snapshotId() == null ? "" : image.snapshotId())
                .put("Format", "")
                .put("Progress", progress + "%")
                .put("RemainTime", (remaining.toMillis() + 999) / 1000);
        n.putObject("DiskDeviceMappings").putArray("DiskDeviceMapping").add(disk);
        ArrayNode tags = n.putObject("Tags").putArray("Tag");
        image.tags().forEach((k, v) -> tags.addObject().put("TagKey", k).put("TagValue", v));
        return n;
    }
}
