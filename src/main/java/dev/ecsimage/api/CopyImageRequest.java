package dev.ecsimage.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of one CopyImage call, named as the API names them. Null means "not sent". */
public record CopyImageRequest(String regionId, String imageId, String destinationRegionId,
                               String destinationImageName, String destinationDescription,
                               boolean encrypted, String kmsKeyId, String resourceGroupId,
                               List<Tag> tags, String clientToken, boolean dryRun) {

    public Map<String, String> toParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("RegionId", regionId);
        p.put("ImageId", imageId);
        p.put("DestinationRegionId", destinationRegionId);
        p.put("DestinationImageName", destinationImageName);
        p.put("DestinationDescription", destinationDescription);
        if (encrypted) {
            p.put("Encrypted", "true");
        }
        p.put("KMSKeyId", kmsKeyId);
        p.put("ResourceGroupId", resourceGroupId);
        for (int i = 0; i < tags.size(); i++) {
            p.put("Tag." + (i + 1) + ".Key", tags.get(i).key());
            p.put("Tag." + (i + 1) + ".Value", tags.get(i).value());
        }
        p.put("ClientToken", clientToken);
        if (dryRun) {
            p.put("DryRun", "true");
        }
        return p;
    }
}
