package dev.ecsimage.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.testing.ManualClock;
import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.transport.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.DoubleFunction;

/**
 * A fake ECS for watcher tests, on a {@link ManualClock} that only moves when the watcher sleeps:
 * each copy shows what a function of the seconds since {@link #START} says, every DescribeImages
 * is recorded with its region and second, and a region can be made to answer 503 for a while.
 */
final class TimedEcs implements Transport {
    static final Instant START = Instant.parse("2026-11-27T12:00:00Z");

    /** What DescribeImages shows of a copy; a null shown means the copy is not listed. */
    record Shown(String status, Integer progress, Long remain) {}

    record Poll(String region, double second) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    final ManualClock clock = new ManualClock(START);
    final List<Duration> sleeps = new ArrayList<>();
    final List<Poll> polls = new ArrayList<>();
    private final Map<String, Map<String, DoubleFunction<Shown>>> copies = new LinkedHashMap<>();
    private BiPredicate<String, Double> unavailable = (region, second) -> false;

    /**
     * A copy that waits until {@code startsAt}, then runs steadily for {@code runs} seconds and is
     * Available; progress in whole points (rounded down), RemainTime in whole seconds (rounded up,
     * as the sandbox does) when {@code remainTime}, else absent.
     */
    static DoubleFunction<Shown> steady(double startsAt, double runs, boolean remainTime) {
        return s -> {
            double end = startsAt + runs;
            if (s >= end) {
                return new Shown("Available", 100, remainTime ? 0L : null);
            }
            Long remain = remainTime ? (long) Math.ceil(end - s) : null;
            if (s < startsAt) {
                return new Shown("Waiting", 0, remain);
            }
            return new Shown("Creating", (int) Math.min(99, Math.floor((s - startsAt) * 100 / runs)), remain);
        };
    }

    TimedEcs copy(String region, String id, DoubleFunction<Shown> shown) {
        copies.computeIfAbsent(region, r -> new LinkedHashMap<>()).put(id, shown);
        return this;
    }

    /** DescribeImages in {@code region} answers HTTP 503 ServiceUnavailable while {@code when} holds. */
    TimedEcs unavailable(BiPredicate<String, Double> when) {
        unavailable = when;
        return this;
    }

    /** A watcher on this fake: fake time, one attempt per call, backoff of exactly 1 s, 2 s, 4 s ... up to 20 s. */
    CopyWatcher watcher() {
        RetryPolicy policy = new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(40), () -> 0.5);
        EcsClient client = new EcsClient(this, policy, d -> {
            throw new AssertionError("the client must not retry here");
        }, null);
        return new CopyWatcher(client, clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        }, policy);
    }

    double now() {
        return Duration.between(START, clock.instant()).toMillis() / 1000.0;
    }

    List<Double> pollSeconds(String region) {
        return polls.stream().filter(p -> p.region().equals(region)).map(Poll::second).toList();
    }

    @Override
    public RawResponse send(ApiCall call) {
        if (!call.action().equals("DescribeImages")) {
            throw new IllegalStateException(call.action());
        }
        String region = call.params().get("RegionId");
        double second = now();
        polls.add(new Poll(region, second));
        if (unavailable.test(region, second)) {
            return new RawResponse(503, "{\"RequestId\":\"req-503\",\"Code\":\"ServiceUnavailable\","
                    + "\"Message\":\"try later\"}", "fake", "");
        }
        ObjectNode answer = JSON.createObjectNode().put("RequestId", "req-" + polls.size());
        ArrayNode list = answer.putObject("Images").putArray("Image");
        List<String> wanted = List.of(call.params().get("ImageId").split(","));
        for (Map.Entry<String, DoubleFunction<Shown>> copy : copies.getOrDefault(region, new HashMap<>()).entrySet()) {
            Shown s = copy.getValue().apply(second);
            if (!wanted.contains(copy.getKey()) || s == null) {
                continue;
            }
            ObjectNode image = list.addObject().put("ImageId", copy.getKey()).put("Status", s.status())
                    .put("Progress", s.progress() == null ? null : s.progress() + "%");
            if (s.remain() != null) {
                image.putObject("DiskDeviceMappings").putArray("DiskDeviceMapping").addObject()
                        .put("Device", "/dev/xvda").put("RemainTime", s.remain());
            }
        }
        answer.put("TotalCount", list.size());
        return new RawResponse(200, answer.toString(), "fake", "");
    }
}
