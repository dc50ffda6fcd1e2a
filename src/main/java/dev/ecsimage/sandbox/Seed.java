package dev.ecsimage.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's world when it starts: its regions, the images of its account (each playing one
 * scenario, so every failure can be triggered on purpose) and its KMS keys.
 */
public final class Seed {
    /** The demo: an Available image in cn-hangzhou that copies fine, in about 10 s at the default speed. */
    public static final String DEMO_IMAGE_ID = "m-bp1ujzde8gxd6ncf10ep";
    public static final String DEMO_REGION = "cn-hangzhou";
    /** A seeded image in cn-shanghai whose name makes CopyImage answer InvalidImageName.Duplicated there. */
    public static final String TAKEN_NAME = "golden-base";
    /** Larger images answer SizeExceed.Image. */
    public static final int MAX_COPY_SIZE_GIB = 2048;
    /** The only regions where the marketplace image's product is published. */
    public static final Set<String> MARKETPLACE_REGIONS = Set.of("cn-hangzhou", "cn-shanghai", "cn-beijing");
    public static final String NO_COPY_REGION = "cn-nanjing";
    public static final String FULL_IMAGE_QUOTA_REGION = "ap-northeast-2";
    public static final String FULL_SNAPSHOT_QUOTA_REGION = "eu-west-1";
    public static final String NO_BYOK_REGION = "me-east-1";
    public static final String SOLD_OUT_REGION = "ap-southeast-7";
    public static final String USABLE_KMS_KEY = "e522b26d-abf6-4e0d-b5da-04b7a5f1c93c";
    /** The sandbox account's own id: sharing an image with it answers InvalidAccount.Forbbiden. */
    public static final String ACCOUNT_ID = "1690421503378946";
    /** The account that shares its images with the sandbox account (ImageOwnerAlias=others). */
    public static final String OTHER_ACCOUNT_ID = "1403720885129642";
    /**
     * Well-formed account ids that belong to nobody. Any other id of 16 digits (not starting with
     * 0) is an existing account; anything else does not exist (InvalidAccount.NotFound).
     */
    public static final Set<String> UNKNOWN_ACCOUNTS = Set.of("1234567890123456", "1999999999999999");
    /** A public (system) image, seeded in several regions under the same id. */
    public static final String SYSTEM_IMAGE = "aliyun_3_x64_20G_alibase_20250101.vhd";
    /** The provenance tag ecs-image puts on its copies: {@code <source region>/<source image id>}. */
    public static final String SOURCE_TAG = "ecs-image:source";

    private static final Instant CREATED = Instant.parse("2025-03-04T08:15:00Z");
    private static final Instant PUBLISHED = Instant.parse("2025-01-01T00:00:00Z");

    private Seed() {}

    /**
     * Every region, in the service's order, with Alibaba Cloud's official Chinese and English names
     * (the ECS endpoint list, help.aliyun.com/zh/ecs/developer-reference/api-ecs-2014-05-26-endpoint,
     * and DescribeRegions' LocalName). The one catalogue of region names.
     */
    public static List<Region> regions() {
        return List.of(
                Region.standard("cn-qingdao", "m5e", "华北1（青岛）", "China (Qingdao)"),
                Region.standard("cn-beijing", "2ze", "华北2（北京）", "China (Beijing)"),
                Region.standard("cn-zhangjiakou", "8vb", "华北3（张家口）", "China (Zhangjiakou)"),
                Region.standard("cn-huhehaote", "hp3", "华北5（呼和浩特）", "China (Hohhot)"),
                Region.standard("cn-wulanchabu", "0jl", "华北6（乌兰察布）", "China (Ulanqab)"),
                Region.standard("cn-hangzhou", "bp1", "华东1（杭州）", "China (Hangzhou)"),
                Region.standard("cn-shanghai", "uf6", "华东2（上海）", "China (Shanghai)"),
                new Region(NO_COPY_REGION, "gc7", "华东5（南京-本地地域）", "China (Nanjing - Local Region)", false, true,
                        Region.DEFAULT_IMAGE_QUOTA, false, false,
                        "does not support copying: CopyImage from or to it answers RegionNotSupportCopy"),
                Region.standard("cn-fuzhou", "gw0", "华东6（福州-本地地域）", "China (Fuzhou - Local Region)"),
                Region.standard("cn-shenzhen", "wz9", "华南1（深圳）", "China (Shenzhen)"),
                Region.standard("cn-heyuan", "f8z", "华南2（河源）", "China (Heyuan)"),
                Region.standard("cn-guangzhou", "7xv", "华南3（广州）", "China (Guangzhou)"),
                Region.standard("cn-chengdu", "2vc", "西南1（成都）", "China (Chengdu)"),
                Region.standard("cn-hongkong", "j6c", "中国香港", "China (Hong Kong)"),
                Region.standard("ap-northeast-1", "6we", "日本（东京）", "Japan (Tokyo)"),
                new Region(FULL_IMAGE_QUOTA_REGION, "mj7", "韩国（首尔）", "South Korea (Seoul)", true, true, 1, false,
                        false, "image quota (1) used up: a copy to it answers QuotaExceed.Image"),
                Region.standard("ap-southeast-1", "t4n", "新加坡", "Singapore"),
                Region.standard("ap-southeast-3", "8ps", "马来西亚（吉隆坡）", "Malaysia (Kuala Lumpur)"),
                Region.standard("ap-southeast-5", "k1a", "印度尼西亚（雅加达）", "Indonesia (Jakarta)"),
                Region.standard("ap-southeast-6", "5ts", "菲律宾（马尼拉）", "Philippines (Manila)"),
                new Region(SOLD_OUT_REGION, "0jo", "泰国（曼谷）", "Thailand (Bangkok)", true, true,
                        Region.DEFAULT_IMAGE_QUOTA, false, true,
                        "DescribeRegions shows it soldOut (no instances for sale); images copy to it as usual"),
                Region.standard("us-east-1", "0xi", "美国（弗吉尼亚）", "US (Virginia)"),
                Region.standard("us-west-1", "rj9", "美国（硅谷）", "US (Silicon Valley)"),
                Region.standard("eu-central-1", "gw8", "德国（法兰克福）", "Germany (Frankfurt)"),
                new Region(FULL_SNAPSHOT_QUOTA_REGION, "d7o", "英国（伦敦）", "UK (London)", true, true,
                        Region.DEFAULT_IMAGE_QUOTA, true, false,
                        "snapshot quota used up: a copy to it answers QuotaExceed.Snapshot"),
                new Region(NO_BYOK_REGION, "eb3", "阿联酋（迪拜）", "UAE (Dubai)", true, false, Region.DEFAULT_IMAGE_QUOTA,
                        false, false, "no BYOK: an encrypted copy with a KMSKeyId to it answers InvalidRegion.NotSupport"),
                Region.standard("me-central-1", "l4v", "沙特（利雅得）", "Saudi Arabia (Riyadh)"));
    }

    public static List<SeedImage> images() {
        return List.of(
                available(DEMO_IMAGE_ID, "cn-hangzhou", "web-app-v1", 40, CopyBehaviour.NORMAL, "s-bp1f91dhodzdoc9is0j8",
                        "the demo: copies fine (about 10 s at the default speed)"),
                available("m-bp1ht9lgmxg9edn581u3", "cn-hangzhou", "media-archive", 200, CopyBehaviour.SLOW,
                        "s-bp13xtplpft75v2seh60", "copies fine but ten times slower (about 100 s at the default speed)"),
                available("m-bp1kvj50ce9uvw53efr4", "cn-hangzhou", "flaky-build", 40, CopyBehaviour.FAILS_PART_WAY,
                        "s-bp1edt2sywb3wkh5dnsi", "every copy stops at " + SimulatedEcs.FAIL_AT_PERCENT
                                + "% and ends CreateFailed"),
                new SeedImage("m-bp1pzz5fk2z9ri19r0wy", "cn-hangzhou", "nightly-build", "still being built", "Creating",
                        45, 40, CREATED, "self", false, CopyBehaviour.NORMAL, "s-bp1ojfljooa5lqsaj08x",
                        "still Creating (45% for ever): CopyImage answers IncorrectImageStatus"),
                available("m-bp1ui6d39zzzzg4zdmen", "cn-hangzhou", "payments-db", 100, CopyBehaviour.ENCRYPTED_SNAPSHOT,
                        "s-bp12khvdgaj8gxbenyjq", "encrypted snapshots: OperationDeined.EncryptedSnapshot"),
                new SeedImage("m-bp1wx4hh5344tfjgvq4k", "cn-hangzhou", "partner-appliance", "shared with you",
                        "Available", 100, 20, CREATED, "others", false, CopyBehaviour.SHARED_FROM_OTHERS,
                        "s-bp17bn7xj8b7tfq7xkwo", "shared from another account: OperationDenied.SameRegionOnly"),
                available("m-bp1886vompzom75wbbr4", "cn-hangzhou", "data-lake-4t", 4096, CopyBehaviour.NORMAL,
                        "s-bp1qmw2wxfogo4mvn4a4", "4096 GiB, over the " + MAX_COPY_SIZE_GIB
                                + " GiB limit: SizeExceed.Image"),
                new SeedImage("m-bp1wfhym4l1vfz3zfkki", "cn-hangzhou", "legacy-2012", "from an old snapshot", "Available",
                        100, 20, Instant.parse("2013-05-02T03:00:00Z"), "self", false, CopyBehaviour.SNAPSHOT_TOO_OLD,
                        "s-bp1bj3j4wj99ibag7i1m", "a snapshot from 2013-05-02: InvalidSnapshot.TooOld"),
                available("m-bp1nbqns6puq80idw370", "cn-hangzhou", "finance-restricted", 40, CopyBehaviour.FORBIDDEN,
                        "s-bp16i8j76b2lajlj4h9d", "a RAM policy denies it: Forbbiden"),
                available("m-bp1u7794g9dpmrcg629b", "cn-hangzhou", "orphan-image", 40, CopyBehaviour.SNAPSHOT_DELETED,
                        "s-bp1e2u66mr26846p7q9m", "its snapshot was deleted: InvalidSnapshotId.NotFound"),
                available("m-bp12i0hz2uep1enthjxj", "cn-hangzhou", "local-ssd-image", 40,
                        CopyBehaviour.SNAPSHOT_NOT_ALLOWED, "s-bp1qi3ogz5kok16zv0mw",
                        "a local-disk snapshot: OperationDenied"),
                available("m-bp1ufxbv932byv7s6eho", "cn-hangzhou", "market-lamp-stack", 40, CopyBehaviour.MARKETPLACE,
                        "s-bp1gfqrclri1qzj865uf", "marketplace product published only in cn-hangzhou, cn-shanghai, "
                                + "cn-beijing: elsewhere OperationDenied.NotPublished"),
                new SeedImage("m-uf6s26lrwbqcab69m64p", "cn-shanghai", TAKEN_NAME, "copied from cn-hangzhou",
                        "Available", 100, 40, CREATED, "self", true, CopyBehaviour.NORMAL, "s-uf62g158z6tnovmizwdi",
                        "a finished copy: copies fine; DestinationImageName=" + TAKEN_NAME
                                + " to cn-shanghai answers InvalidImageName.Duplicated; CancelCopyImage answers "
                                + "IncorrectImageStatus"),
                available("m-2zeaeq1kdfy6spsc3lkr", "cn-beijing", "ops-toolbox", 20, CopyBehaviour.NORMAL,
                        "s-2ze2aqxv9upctnwlavyf", "copies fine"),
                new SeedImage("m-2ze4r6mp6afqfjzczbtt", "cn-beijing", "broken-copy", "copied from cn-hangzhou",
                        "CreateFailed", 60, 40, CREATED, "self", true, CopyBehaviour.NORMAL, "s-2zeof7jyu5jsjc616i76",
                        "a failed copy (Status=CreateFailed): CancelCopyImage answers IncorrectImageStatus"),
                available("m-mj7bofbcixgy29db8p5q", "ap-northeast-2", "seoul-base", 20, CopyBehaviour.NORMAL,
                        "s-mj7a3e68f7e4qeqpno35", "fills the region's image quota of 1"),
                new SeedImage("m-bp1jk8qae5gq8fmn9klr", "cn-hangzhou", "vault-keys", null, "Available", 100, 40, CREATED,
                        "self", false, CopyBehaviour.NORMAL, "s-bp13slv0417sjnna9shk", Map.of(), Encryption.SERVICE_KEY,
                        "encrypted with the service key: copies fine; ModifyImageSharePermission answers "
                                + "InvalidOperation.ServiceKeyEncryptedImageUnsupported"),
                new SeedImage("m-bp1d1qzne297mr8f5035", "cn-hangzhou", "ledger-cmk", null, "Available", 100, 40, CREATED,
                        "self", false, CopyBehaviour.NORMAL, "s-bp11f6tydwbumozn8a96", Map.of(),
                        Encryption.kmsKey(USABLE_KMS_KEY), "encrypted with a KMS key (CMK): copies and shares fine"),
                new SeedImage("m-bp13zcdbyrmv8za4ajo5", "cn-hangzhou", "lamp-marketplace", "from the marketplace",
                        "Available", 100, 40, CREATED, "marketplace", false, CopyBehaviour.MARKETPLACE, null,
                        "a marketplace image: listed only with ImageOwnerAlias=marketplace; CopyImage answers "
                                + "InvalidImageId.NotFound"),
                publicImage("cn-hangzhou"),
                publicImage("cn-shanghai"),
                publicImage("cn-beijing"),
                publicImage("ap-southeast-1"),
                new SeedImage("ubuntu_22_04_x64_20G_alibase_20250101.vhd", "cn-hangzhou",
                        "ubuntu_22_04_x64_20G_alibase_20250101.vhd", null, "Available", 100, 20, PUBLISHED, "system",
                        false, CopyBehaviour.NORMAL, null, "a public image (ImageOwnerAlias=system)"),
                sharedWithUs("m-uf6mpabt0167qcg0pjgg", "cn-shanghai", "release-10", "s-uf6ka9rtylaz6zc5u4ad"),
                sharedWithUs("m-2ze95igt3xjpia0l9mk8", "cn-beijing", "release-10", "s-2zetqsjh6qa73skfrffn"),
                available("m-uf6z819rclg0hgfgwf1l", "cn-shanghai", "release-10-old", 40, CopyBehaviour.NORMAL,
                        "s-uf6p6iie9c4x5vnnv134", "your own, named like release-10 but not release-10: ImageName="
                                + "release-10 (a fuzzy match) lists it; reusing release-10 must not adopt it"),
                new SeedImage("m-uf6jthrswt32gw1bk6on", "cn-shanghai", "release-11", "copied from cn-hangzhou",
                        "Available", 100, 200, CREATED, "self", true, CopyBehaviour.NORMAL, "s-uf6t0h2er4xomjnzg5qu",
                        Map.of(SOURCE_TAG, "cn-hangzhou/m-bp1ht9lgmxg9edn581u3"), Encryption.NONE,
                        "your own, tagged " + SOURCE_TAG + "=cn-hangzhou/m-bp1ht9lgmxg9edn581u3 (media-archive): "
                                + "a copy of media-archive may reuse it, one of any other image conflicts with it"),
                available("m-uf6n9ur9aupao1ztz2oj", "cn-shanghai", "release-12", 40, CopyBehaviour.NORMAL,
                        "s-uf6jxs1nelvpjt1zwin9", "your own, named like a release but without the " + SOURCE_TAG
                                + " tag: where it came from is unknown"));
    }

    public static List<KmsKey> kmsKeys() {
        return List.of(
                new KmsKey(USABLE_KMS_KEY, KmsKey.Access.USABLE, "encrypts the copy (with Encrypted=true)"),
                new KmsKey("0b9e6f4c-7d1a-4e3b-9c2f-5a8d1e6b3f70", KmsKey.Access.ECS_UNAUTHORIZED,
                        "ECS may not use it: InvalidParameter.KMSKeyId.KMSUnauthorized"),
                new KmsKey("7f3c2a91-4b6e-4d8a-a1f5-c93e0d27b6a4", KmsKey.Access.BYOK_NOT_WHITELISTED,
                        "imported key material (BYOK), account not white-listed: UserNotInTheWhiteList"));
    }

    /** Errors reached by a request's parameters rather than by an image: what to send, what comes back. */
    public static Map<String, String> requestScenarios() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("DestinationImageName=1st-copy (not starting with a letter)", "InvalidImageName.Malformed");
        s.put("DestinationDescription=http://x", "InvalidDescription.Malformed");
        s.put("Tag.1.Key=aliyun-x, or Tag.21.Key=k", "InvalidParameter");
        s.put("KMSKeyId=... without Encrypted=true", "InvalidParameter.EncryptedIllegal");
        s.put("KMSKeyId=an id not listed above (with Encrypted=true)", "InvalidParameter.KMSKeyId.NotFound");
        s.put("DestinationRegionId equal to RegionId", "IncorrectDestinationRegion");
        s.put("RegionId / DestinationRegionId not a sandbox region", "SourceRegion.NotFound / DestinationRegion.NotFound");
        s.put("ImageId not in RegionId (e.g. the demo image with RegionId=cn-beijing)", "InvalidImageId.NotFound");
        s.put("no ImageId (or RegionId, DestinationRegionId)", "MissingParameter");
        s.put("the same image again to a region where its copy is still Waiting/Creating", "OperationDenied.ImageCopying");
        s.put("a ClientToken again with other parameters (same parameters: the same ImageId)", "IdempotentParameterMismatch");
        s.put("DryRun=true (after every other check passed)", "DryRunOperation");
        s.put("DescribeImages / CancelCopyImage with an unknown RegionId", "InvalidRegionId.NotFound");
        s.put("CancelCopyImage of an image that is no copy (e.g. the demo image)", "ImageCreatedNotFromCopy");
        s.put("ModifyImageSharePermission AddAccount.1=" + ACCOUNT_ID + " (the sandbox account itself)",
                "InvalidAccount.Forbbiden");
        s.put("ModifyImageSharePermission AddAccount.1=1234567890123456 (or any id not of 16 digits)",
                "InvalidAccount.NotFound");
        s.put("ModifyImageSharePermission: more than 50 accounts for one image", "QuotaExceed.ShareImageUser");
        s.put("ModifyImageSharePermission of a copy still in progress", "IncorrectImageStatus");
        s.put("ModifyImageSharePermission IsPublic=false of an image that is not public", "Image.NotPublic");
        s.put("DescribeRegions AcceptLanguage=fr (zh-CN, en-US, ja allowed)", "InvalidAcceptLanguage.NotFound");
        s.put("DescribeRegions InstanceChargeType=Monthly", "Invalid.InstanceChargeType");
        s.put("DescribeRegions ResourceType=gpu", "InvalidResourceType.NotFound");
        return s;
    }

    private static SeedImage publicImage(String region) {
        return new SeedImage(SYSTEM_IMAGE, region, SYSTEM_IMAGE, null, "Available", 100, 20, PUBLISHED, "system", false,
                CopyBehaviour.NORMAL, null, "a public image (ImageOwnerAlias=system), listed without ImageOwnerAlias: "
                        + "CopyImage answers InvalidImageId.NotFound, ModifyImageSharePermission Image.Public");
    }

    private static SeedImage sharedWithUs(String id, String region, String name, String snapshotId) {
        return new SeedImage(id, region, name, "shared with you", "Available", 100, 40, CREATED, "others", false,
                CopyBehaviour.SHARED_FROM_OTHERS, snapshotId, "account " + OTHER_ACCOUNT_ID + "'s image, shared "
                        + "with you (ImageOwnerAlias=others) under a name you might pick: reusing " + name
                        + " must not adopt it; CopyImage answers OperationDenied.SameRegionOnly");
    }

    /** Whether an account id belongs to an existing account (see {@link #UNKNOWN_ACCOUNTS}). */
    public static boolean accountExists(String accountId) {
        return accountId.matches("[1-9][0-9]{15}") && !UNKNOWN_ACCOUNTS.contains(accountId);
    }

    private static SeedImage available(String id, String region, String name, int sizeGiB, CopyBehaviour behaviour,
                                       String snapshotId, String scenario) {
        return new SeedImage(id, region, name, null, "Available", 100, sizeGiB, CREATED, "self", false, behaviour,
                snapshotId, scenario);
    }
}
