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
    public static final String USABLE_KMS_KEY = "e522b26d-abf6-4e0d-b5da-04b7a5f1c93c";

    private static final Instant CREATED = Instant.parse("2025-03-04T08:15:00Z");

    private Seed() {}

    public static List<Region> regions() {
        return List.of(
                Region.standard("cn-qingdao", "m5e"),
                Region.standard("cn-beijing", "2ze"),
                Region.standard("cn-zhangjiakou", "8vb"),
                Region.standard("cn-huhehaote", "hp3"),
                Region.standard("cn-wulanchabu", "0jl"),
                Region.standard("cn-hangzhou", "bp1"),
                Region.standard("cn-shanghai", "uf6"),
                new Region(NO_COPY_REGION, "gc7", false, true, Region.DEFAULT_IMAGE_QUOTA, false,
                        "does not support copying: CopyImage from or to it answers RegionNotSupportCopy"),
                Region.standard("cn-fuzhou", "gw0"),
                Region.standard("cn-shenzhen", "wz9"),
                Region.standard("cn-heyuan", "f8z"),
                Region.standard("cn-guangzhou", "7xv"),
                Region.standard("cn-chengdu", "2vc"),
                Region.standard("cn-hongkong", "j6c"),
                Region.standard("ap-northeast-1", "6we"),
                new Region(FULL_IMAGE_QUOTA_REGION, "mj7", true, true, 1, false,
                        "image quota (1) used up: a copy to it answers QuotaExceed.Image"),
                Region.standard("ap-southeast-1", "t4n"),
                Region.standard("ap-southeast-3", "8ps"),
                Region.standard("ap-southeast-5", "k1a"),
                Region.standard("ap-southeast-6", "5ts"),
                Region.standard("ap-southeast-7", "0jo"),
                Region.standard("us-east-1", "0xi"),
                Region.standard("us-west-1", "rj9"),
                Region.standard("eu-central-1", "gw8"),
                new Region(FULL_SNAPSHOT_QUOTA_REGION, "d7o", true, true, Region.DEFAULT_IMAGE_QUOTA, true,
                        "snapshot quota used up: a copy to it answers QuotaExceed.Snapshot"),
                new Region(NO_BYOK_REGION, "eb3", true, false, Region.DEFAULT_IMAGE_QUOTA, false,
                        "no BYOK: an encrypted copy with a KMSKeyId to it answers InvalidRegion.NotSupport"),
                Region.standard("me-central-1", "l4v"));
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
                        "s-mj7a3e68f7e4qeqpno35", "fills the region's image quota of 1"));
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
        return s;
    }

    private static SeedImage available(String id, String region, String name, int sizeGiB, CopyBehaviour behaviour,
                                       String snapshotId, String scenario) {
        return new SeedImage(id, region, name, null, "Available", 100, sizeGiB, CREATED, "self", false, behaviour,
                snapshotId, scenario);
    }
}
