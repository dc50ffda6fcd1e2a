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
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The simulated ECS service of one account: CopyImage, DescribeImages and CancelCopyImage over
 * the {@link Seed}'s regions and images, with the service's checks, error codes and HTTP statuses.
 * Copies progress with the injected clock at {@code speed} percent per second (computed when asked,
 * no background thread); one copy per destination region runs at a time, the others wait in order.
 * Thread-safe.
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
    private static final Set<String> OWNER_ALIASES = Set.of("system", "self", "others", "marketplace");
    private static final int DEFAULT_PAGE_SIZE = 10;
    private static final int MAX_PAGE_SIZE = 100;

    private final Clock clock;
    private final double speed;
    private final Random random;
    private final Map<String, Region> regions;
    private final Map<String, KmsKey> kmsKeys;
    private final Map<String, SandboxImage> images = new LinkedHashMap<>();
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
        this.regions = Seed.regions().stream().collect(Collectors.toMap(Region::id, Function.identity()));
        this.kmsKeys = Seed.kmsKeys().stream().collect(Collectors.toMap(KmsKey::id, Function.identity()));
        Seed.images().forEach(seed -> images.put(seed.id(), SandboxImage.of(seed)));
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
        SandboxImage image = images.get(in.imageId());
        if (image == null || !image.region().equals(source.id())) {
            throw ErrorCode.IMAGE_NOT_FOUND.error();
        }
        checkCopyable(image, destination);
        checkKmsKey(in, destination);
        if (in.name() != null && inRegion(destination).anyMatch(i -> i.name().equals(in.name()))) {
            throw ErrorCode.NAME_DUPLICATED.error();
        }
        if (inRegion(destination).anyMatch(i -> i.copyInProgress() && image.id().equals(i.sourceImageId()))) {
            throw ErrorCode.IMAGE_COPYING.error();
        }
        if (inRegion(destination).filter(i -> i.ownerAlias().equals("self")).count() >= destination.imageQuota()) {
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
        images.put(id, new SandboxImage(id, destination.id(), in.name() != null ? in.name() : image.name(),
                in.description() != null ? in.description() : image.description(), "self", image.sizeGiB(), now,
                true, image.behaviour(), newId("s-", destination), null, 0, in.tags(), in.resourceGroupId(),
                image.id(), job));
        CopyQueue queue = queues.computeIfAbsent(destination.id(), r -> new CopyQueue());
        queue.add(job);
        queue.advance(now);
        copiesCreated++;
        if (in.clientToken() != null) {
            tokens.put(in.clientToken(), new IssuedCopy(in, id));
        }
        body.put("ImageId", id);
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
        String ids = CopyImageInput.value(params, "ImageId");
        Set<String> wantedIds = ids == null ? null : Arrays.stream(ids.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Set<String> statuses = statuses(CopyImageInput.value(params, "Status"));
        String alias = CopyImageInput.value(params, "ImageOwnerAlias");
        if (alias != null && !OWNER_ALIASES.contains(alias)) {
            throw CopyImageInput.invalid("ImageOwnerAlias");
        }
        String name = CopyImageInput.value(params, "ImageName");
        int pageNumber = number(params, "PageNumber", 1, Integer.MAX_VALUE, 1);
        int pageSize = number(params, "PageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        List<SandboxImage> matching = inRegion(region)
                .filter(i -> wantedIds == null || wantedIds.contains(i.id()))
                .filter(i -> statuses.contains(i.status()))
                .filter(i -> alias == null || alias.equals(i.ownerAlias()))
                .filter(i -> name == null || i.name().contains(name))
                .sorted(Comparator.comparing(SandboxImage::creationTime).reversed().thenComparing(SandboxImage::id))
                .toList();
        body.put("RegionId", region.id())
                .put("TotalCount", matching.size())
                .put("PageNumber", pageNumber)
                .put("PageSize", pageSize);
        ArrayNode list = body.putObject("Images").putArray("Image");
        matching.stream().skip((long) (pageNumber - 1) * pageSize).limit(pageSize).forEach(i -> list.add(
                ImageJson.of(i, i.progress(now), i.copyInProgress()
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
            throw CopyImageInput.invalid("Status");
        }
        return wanted;
    }

    private static int number(Map<String, String> params, String name, int min, int max, int absent) {
        String v = CopyImageInput.value(params, name);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw CopyImageInput.invalid(name);
    }

    private void cancelCopyImage(Map<String, String> params, Instant now) {
        Region region = region(params);
        String imageId = CopyImageInput.required(params, "ImageId");
        SandboxImage image = images.get(imageId);
        if (image == null || !image.region().equals(region.id())) {
            throw ErrorCode.IMAGE_NOT_FOUND.error();
        }
        if (!image.copied()) {
            throw ErrorCode.NOT_FROM_COPY.error();
        }
        switch (image.status()) {
            case "Available" -> throw ErrorCode.COPY_COMPLETED.error();
            case "CreateFailed" -> throw ErrorCode.COPY_FAILED.error();
            default -> {
                queues.get(region.id()).remove(image.job(), now);
                images.remove(imageId);
            }
        }
    }

    private Region region(Map<String, String> params) {
        Region region = regions.get(CopyImageInput.required(params, "RegionId"));
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
            if (!images.containsKey(id.toString())) {
                return id.toString();
            }
        }
    }
}
