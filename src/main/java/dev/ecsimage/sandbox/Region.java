package dev.ecsimage.sandbox;

import java.util.Locale;

/**
 * A region of the simulated ECS, its official names (the only place they are written: the
 * sandbox's DescribeRegions answers with them), and the limits the sandbox's account has there.
 *
 * @param idPrefix          the three characters that follow {@code m-} / {@code s-} in the region's ids
 * @param chineseName       Alibaba Cloud's Chinese name, DescribeRegions' LocalName for zh-CN
 * @param englishName       Alibaba Cloud's English name, LocalName for en-US (and, in the sandbox, ja)
 * @param copySupported     false: CopyImage from or to here answers RegionNotSupportCopy
 * @param byokSupported     false: a copy encrypted with a KMS key cannot land here (InvalidRegion.NotSupport)
 * @param imageQuota        how many custom images the account may hold here (QuotaExceed.Image beyond)
 * @param snapshotQuotaFull true: the account's snapshot quota here is used up (QuotaExceed.Snapshot)
 * @param soldOut           true: DescribeRegions shows Status soldOut (instances sold out; images are unaffected)
 * @param scenario          what the region plays in the sandbox, null for an ordinary region
 */
public record Region(String id, String idPrefix, String chineseName, String englishName, boolean copySupported,
                     boolean byokSupported, int imageQuota, boolean snapshotQuotaFull, boolean soldOut,
                     String scenario) {
    public static final int DEFAULT_IMAGE_QUOTA = 100;

    static Region standard(String id, String idPrefix, String chineseName, String englishName) {
        return new Region(id, idPrefix, chineseName, englishName, true, true, DEFAULT_IMAGE_QUOTA, false, false, null);
    }

    /**
     * The ECS endpoint host, as DescribeRegions' RegionEndpoint and the error bodies' HostId name
     * it: {@code ecs.<id>.aliyuncs.com}, except {@code ecs-cn-hangzhou.aliyuncs.com} as the
     * official SDK has it.
     */
    public String host() {
        return id.equals("cn-hangzhou") ? "ecs-cn-hangzhou.aliyuncs.com" : "ecs." + id + ".aliyuncs.com";
    }

    /** DescribeRegions' LocalName: Chinese for zh-CN, English otherwise (the sandbox has no Japanese names). */
    String localName(String acceptLanguage) {
        return acceptLanguage.toLowerCase(Locale.ROOT).startsWith("zh") ? chineseName : englishName;
    }
}
