package dev.ecsimage.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The simulated ECS service of one account ({@link Seed#ACCOUNT_ID}): CopyImage, DescribeImages,
 * CancelCopyImage, DescribeRegions ({@link RegionCatalogue}), ModifyImageSharePermission and
 * DescribeImageSharePermission ({@link SharePermissions}) over the {@link Seed}'s regions and the
 * images the account sees (its own, those shared with it, public ones), with the service's checks,
 * error codes and HTTP statuses. Copies progress with the injected clock at {@code speed} percent
 * per second (computed when asked, no background thread); one copy per destination region runs at
 * a time, the others wait in order. Thread-safe.
 */
public final class SimulatedEcs {
    /** Percent per second: a normal copy takes about 10 s. */
    public static final double DEFAULT_SPEED = 10;
    /** Where a copy of a {@link CopyBehaviour#FAILS_PART_WAY} image stops. */
    public static final int FAIL_AT_PERCENT = 60;
    /** {@link CopyBehaviour#SLOW} copies run at this fraction of the speed. */
    public static final double SLOW_FACTOR = 0.1;

    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Set<String> STATUSES =
            Set.of("Creating", "Waiting", "Available", "UnAvailable", "CreateFailed", "Deprecated");
    private static final Set<String> OWNER_ALIASES = Set.of(SandboxImage.SYSTEM, SandboxImage.SELF,
            SandboxImage.OTHERS, SandboxImage.MARKETPLACE);
    /** Without ImageOwnerAlias DescribeImages lists these: marketplace images only when asked for. */
    private static final Set<String> DEFAULT_OWNER_ALIASES = Set.of(SandboxImage.SYSTEM, SandboxImage.SELF,
            SandboxImage.OTHERS);
    private static final int DEFAULT_PAGE_SIZE = 10;
    private static final int MAX_PAGE_SIZE = 100;

    private final Clock clock;
    private final double speed;
    private final Random random;
    private final Map<String, Region> regions;
    private final Map<String, KmsKey> kmsKeys;
    /** By {@link #key}: a public image has the same id in every region. */
    private final Map<String, SandboxImage> images = new LinkedHashMap<>();
    private final SharePermissions shares = new SharePermissions();
    private final Map<String, CopyQueue> queues = new HashMap<>();
    private final Map<String, IssuedCopy> tokens = new HashMap<>();
    private final Map<String, Integer> calls = new TreeMap<>();
    private int copiesCreated;

    private record IssuedCopy(CopyImageInput input, String imageId) {}

    /** @param speedPercentPerSecond how fast copies progress; must be positive */
    public SimulatedEcs(Clock clock, double speedPercentPerSecond) {
        this(clock, speedPercentPerSecond, new Random());
    }

    public SimulatedEcs(Clock clock, double speedPercentPerSecond, Random random) {
        if (!(speedPercentPerSecond > 0) || Double.isInfinite(speedPercentPerSecond)) {
            throw new IllegalArgumentException("speed must be a positive number of percent per second, not "
                    + speedPercentPerSecond);
        }
        this.clock = clock;
        this.speed = speedPercentPerSecond;
        this.random = random;
        this.regions = Seed.regions().stream().collect(Collectors.toMap(Region::id, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        this.kmsKeys = Seed.kmsKeys().stream().collect(Collectors.toMap(KmsKey::id, Function.identity()));
        Seed.images().forEach(seed -> images.put(key(seed.region(), seed.id()), SandboxImage.of(seed)));
    }

    /** Answers one API call as the service would; {@code params} are the action's own parameters. */
    public synchronized ApiAnswer handle(String action, Map<String, String> params) {
        calls.merge(action, 1, Integer::sum);
        Instant now = clock.instant();
        queues.values().forEach(q -> q.advance(now));
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("RequestId", requestId);
        try {
            switch (action) {
                case "CopyImage" -> copyImage(params, now, body);
                case "DescribeImages" -> describeImages(params, now, body);
                case "CancelCopyImage" -> cancelCopyImage(params, now);
                case "DescribeRegions" -> RegionCatalogue.describeRegions(regions.values(), params, body);
                case "ModifyImageSharePermission" -> shares.modify(image(params), params, now);
                case "DescribeImageSharePermission" -> shares.describe(image(params), params, body);
                default -> throw ErrorCode.ACTION_NOT_FOUND.error();
            }
            return new ApiAnswer(200, body);
        } catch (ApiError e) {
            Region region = regions.get(params.get("RegionId"));
            return ApiAnswer.error(e, requestId, region == null ? "ecs.aliyuncs.com" : region.host());
        }
    }

    /** How many calls of {@code action} reached the simulator, answered with success or an error. */
    public synchronized int calls(String action) {
        return calls.getOrDefault(action, 0);
    }

    /** How many copies CopyImage has created (cancelled ones included). */
    public synchronized int copiesCreated() {
        return copiesCreated;
    }

    public double speed() {
        return speed;
    }

    /**
     * The image with this id as the account sees it now, for tests; empty when there is none. A
     * public image's id is the same in every region: this is its first region's.
     */
    public synchronized Optional<ImageView> image(String imageId) {
        Instant now = clock.instant();
        queues.values().forEach(q -> q.advance(now));
        return images.values().stream().filter(i -> i.id().equals(imageId)).findFirst()
                .map(i -> new ImageView(i.id(), i.region(), i.name(), i.ownerAlias(), i.status(), i.encryption(),
                        i.tags(), shares.accounts(i.id()), isPublic(i)));
    }

    private void copyImage(Map<String, String> params, Instant now, ObjectNode body) {
        CopyImageInput in = CopyImageInput.parse(params);
        if (in.clientToken() != null && !in.dryRun()) {
            IssuedCopy issued = tokens.get(in.clientToken());
            if (issued != null) {
                if (!issued.input().equals(in)) {
                    throw ErrorCode.IDEMPOTENT_MISMATCH.error();
                }
                body.put("ImageId", issued.imageId());
                return;
            }
        }
        Region source = regions.get(in.regionId());
        if (source == null) {
            throw ErrorCode.SOURCE_REGION_NOT_FOUND.error();
        }
        Region destination = regions.get(in.destinationRegionId());
        if (destination == null) {
            throw ErrorCode.DESTINATION_REGION_NOT_FOUND.error();
        }
        if (source == destination) {
            throw ErrorCode.INCORRECT_DESTINATION_REGION.error();
        }
        if (!source.copySupported() || !destination.copySupported()) {
            throw ErrorCode.REGION_NOT_SUPPORT_COPY.error();
        }
        SandboxImage image = images.get(key(source.id(), in.imageId()));
        if (image == null || image.ownerAlias().equals(SandboxImage.SYSTEM)
                || image.ownerAlias().equals(SandboxImage.MARKETPLACE)) {
            throw ErrorCode.IMAGE_NOT_FOUND.error(); // CopyImage copies custom images only
        }
        checkCopyable(image, destination);
        checkKmsKey(in, destination);
        if (in.name() != null && inRegion(destination).anyMatch(i -> i.own() && i.name().equals(in.name()))) {
            throw ErrorCode.NAME_DUPLICATED.error();
        }
        if (inRegion(destination).anyMatch(i -> i.copyInProgress() && image.id().equals(i.sourceImageId()))) {
            throw ErrorCode.IMAGE_COPYING.error();
        }
        if (inRegion(destination).filter(SandboxImage::own).count() >= destination.imageQuota()) {
            throw ErrorCode.IMAGE_QUOTA.error();
        }
        if (destination.snapshotQuotaFull()) {
            throw ErrorCode.SNAPSHOT_QUOTA.error();
        }
        if (in.dryRun()) {
            throw ErrorCode.DRY_RUN.error();
        }
        String id = newId("m-", destination);
        CopyJob job = new CopyJob(now, fullDuration(image.behaviour()),
                image.behaviour() == CopyBehaviour.FAILS_PART_WAY ? FAIL_AT_PERCENT : 100);
        images.put(key(destination.id(), id), new SandboxImage(id, destination.id(),
                in.name() != null ? in.name() : image.name(),
                in.description() != null ? in.description() : image.description(), SandboxImage.SELF, image.sizeGiB(),
                now, true, image.behaviour(), newId("s-", destination), null, 0, in.tags(), copyEncryption(in, image),
                in.resourceGroupId(), image.id(), job));
        CopyQueue queue = queues.computeIfAbsent(destination.id(), r -> new CopyQueue());
        queue.add(job);
        queue.advance(now);
        copiesCreated++;
        if (in.clientToken() != null) {
            tokens.put(in.clientToken(), new IssuedCopy(in, id));
        }
        body.put("ImageId", id);
    }

    /**
     * A copy is encrypted when asked (with the KMS key given, else the service key) or when its
     * source is: KMS keys are regional, so an encrypted source's copy gets the service key unless
     * a KMSKeyId is sent.
     */
    private static Encryption copyEncryption(CopyImageInput in, SandboxImage source) {
        if (in.kmsKeyId() != null) {
            return Encryption.kmsKey(in.kmsKeyId());
        }
        return in.encrypted() || source.encryption().encrypted() ? Encryption.SERVICE_KEY : Encryption.NONE;
    }

    private static void checkCopyable(SandboxImage image, Region destination) {
        if (!image.status().equals("Available")) {
            throw ErrorCode.IMAGE_NOT_AVAILABLE.error();
        }
        ErrorCode refusal = switch (image.behaviour()) {
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case SHARED_FROM_OTHERS -> ErrorCode.SAME_REGION_ONLY;
            case ENCRYPTED_SNAPSHOT -> ErrorCode.ENCRYPTED_SNAPSHOT;
            case SNAPSHOT_TOO_OLD -> ErrorCode.SNAPSHOT_TOO_OLD;
            case SNAPSHOT_DELETED -> ErrorCode.SNAPSHOT_NOT_FOUND;
            case SNAPSHOT_NOT_ALLOWED -> ErrorCode.SNAPSHOT_NOT_ALLOWED;
            case MARKETPLACE -> Seed.MARKETPLACE_REGIONS.contains(destination.id()) ? null : ErrorCode.NOT_PUBLISHED;
            case NORMAL, SLOW, FAILS_PART_WAY -> null;
        };
        if (refusal == null && image.sizeGiB() > Seed.MAX_COPY_SIZE_GIB) {
            refusal = ErrorCode.SIZE_EXCEED;
        }
        if (refusal != null) {
            throw refusal.error();
        }
    }

    private void checkKmsKey(CopyImageInput in, Region destination) {
        if (in.kmsKeyId() == null) {
            return;
        }
        if (!destination.byokSupported()) {
            throw ErrorCode.BYOK_REGION.error();
        }
        KmsKey key = kmsKeys.get(in.kmsKeyId());
        if (key == null) {
            throw ErrorCode.KMS_KEY_NOT_FOUND.error();
        }
        switch (key.access()) {
            case ECS_UNAUTHORIZED -> throw ErrorCode.KMS_UNAUTHORIZED.error();
            case BYOK_NOT_WHITELISTED -> throw ErrorCode.NOT_WHITELISTED.error();
            case USABLE -> { }
        }
    }

    private Duration fullDuration(CopyBehaviour behaviour) {
        double rate = behaviour == CopyBehaviour.SLOW ? speed * SLOW_FACTOR : speed;
        return Duration.ofMillis(Math.max(1, Math.round(100_000 / rate)));
    }

    private void describeImages(Map<String, String> params, Instant now, ObjectNode body) {
        Region region = region(params);
        String ids = RequestParams.value(params, "ImageId");
        Set<String> wantedIds = ids == null ? null : Arrays.stream(ids.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Set<String> statuses = statuses(RequestParams.value(params, "Status"));
        String alias = RequestParams.value(params, "ImageOwnerAlias");
        if (alias != null && !OWNER_ALIASES.contains(alias)) {
            throw RequestParams.invalid("ImageOwnerAlias");
        }
        Set<String> owners = alias == null ? DEFAULT_OWNER_ALIASES : Set.of(alias);
        String name = RequestParams.value(params, "ImageName");
        int pageNumber = RequestParams.number(params, "PageNumber", 1, Integer.MAX_VALUE, 1);
        int pageSize = RequestParams.number(params, "PageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        List<SandboxImage> matching = inRegion(region)
                .filter(i -> wantedIds == null || wantedIds.contains(i.id()))
                .filter(i -> statuses.contains(i.status()))
                .filter(i -> owners.contains(i.ownerAlias()))
                .filter(i -> name == null || i.name().contains(name))
                .sorted(Comparator.comparing(SandboxImage::creationTime).reversed().thenComparing(SandboxImage::id))
                .toList();
        body.put("RegionId", region.id())
                .put("TotalCount", matching.size())
                .put("PageNumber", pageNumber)
                .put("PageSize", pageSize);
        ArrayNode list = body.putObject("Images").putArray("Image");
        matching.stream().skip((long) (pageNumber - 1) * pageSize).limit(pageSize).forEach(i -> list.add(
                ImageJson.of(i, i.progress(now), isPublic(i), i.copyInProgress()
                        ? queues.get(i.region()).remaining(i.job(), now) : Duration.ZERO)));
    }

    private static Set<String> statuses(String param) {
        if (param == null) {
            return Set.of("Available");
        }
        Set<String> wanted = Arrays.stream(param.split(",")).map(String::trim).collect(Collectors.toSet());
        if (wanted.contains("ALL")) {
            return STATUSES;
        }
        if (!STATUSES.containsAll(wanted)) {
            throw RequestParams.invalid("Status");
        }
        return wanted;
    }

    private void cancelCopyImage(Map<String, String> params, Instant now) {
        SandboxImage image = image(params);
        if (!image.copied()) {
            throw ErrorCode.NOT_FROM_COPY.error();
        }
        switch (image.status()) {
            case "Available" -> throw ErrorCode.COPY_COMPLETED.error();
            case "CreateFailed" -> throw ErrorCode.COPY_FAILED.error();
            default -> {
                queues.get(image.region()).remove(image.job(), now);
                images.remove(key(image.region(), image.id()));
            }
        }
    }

    /** The image of ImageId in RegionId, whoever owns it: InvalidImageId.NotFound when there is none. */
    private SandboxImage image(Map<String, String> params) {
        Region region = region(params);
        SandboxImage image = images.get(key(region.id(), RequestParams.required(params, "ImageId")));
        if (image == null) {
            throw ErrorCode.IMAGE_NOT_FOUND.error();
        }
        return image;
    }

    private boolean isPublic(SandboxImage image) {
        return image.ownerAlias().equals(SandboxImage.SYSTEM) || shares.published(image.id());
    }

    private static String key(String region, String imageId) {
        return region + "/" + imageId;
    }

    private Region region(Map<String, String> params) {
        Region region = regions.get(RequestParams.required(params, "RegionId"));
        if (region == null) {
            throw ErrorCode.REGION_NOT_FOUND.error();
        }
        return region;
    }

    private Stream<SandboxImage> inRegion(Region region) {
        return images.values().stream().filter(i -> i.region().equals(region.id()));
    }

    /** An id like the service's: prefix, the region's three characters, 17 random ones. */
    private String newId(String prefix, Region region) {
        while (true) {
            StringBuilder id = new StringBuilder(prefix).append(region.idPrefix());
            for (int i = 0; i < 17; i++) {
                id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
            }
            if (!images.containsKey(key(region.id(), id.toString()))) {
                return id.toString();
            }
        }
    }
}
