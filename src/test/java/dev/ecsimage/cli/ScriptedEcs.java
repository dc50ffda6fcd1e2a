package dev.ecsimage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.Transport;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted ECS for command tests: each image walks through a list of (status, progress) steps,
 * one step per DescribeImages that lists it; CopyImage creates such an image, with the tags it was
 * sent; answers or network failures can be queued per action. As the service: images have an owner
 * (ImageOwnerAlias, default {@code self}; without the filter DescribeImages lists system, self and
 * others), ImageName is a fuzzy match, and ModifyImageSharePermission / DescribeImageSharePermission
 * keep whom each image is shared with. Every call is recorded.
 */
final class ScriptedEcs implements Transport {
    record Step(String status, Integer progress, Long remain) {}

    /** A step of {@link #image} that takes the image out of the listing, as a cancel or a delete does. */
    static final Step GONE = new Step("(gone)", null, null);

    static final List<Step> QUICK_COPY = List.of(new Step("Waiting", 0, null), new Step("Creating", 50, 60L),
            new Step("Available", 100, 0L));

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<ApiCall> calls = new ArrayList<>();
    /** Runs before every call is answered (e.g. to play a Ctrl-C between two calls). */
    java.util.function.Consumer<ApiCall> beforeCall = call -> { };
    private final Map<String, Map<String, Deque<Step>>> images = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, Map<String, String>> tags = new HashMap<>();
    private final Map<String, java.util.Set<String>> shares = new HashMap<>();
    private final Map<String, Deque<Object>> queued = new HashMap<>();
    private final Map<String, List<Step>> copyScripts = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final java.util.Set<String> unreachable = new java.util.HashSet<>();
    private int nextId = 1;
    /** What DescribeRegions lists, in order. */
    List<String> regions = List.of("cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen");

    /** Every test's source: {@value #SOURCE} in cn-hangzhou, Available. */
    static final String SOURCE = "m-src";

    ScriptedEcs() {
        image("cn-hangzhou", SOURCE, "source", new Step("Available", 100, null));
    }

    /**
     * An image that exists in {@code region} and walks through {@code steps} (the last one stays);
     * {@link #GONE} as a step is the image gone from the listing.
     */
    ScriptedEcs image(String region, String id, String name, Step... steps) {
        images.computeIfAbsent(region, r -> new LinkedHashMap<>()).put(id, new ArrayDeque<>(Arrays.asList(steps)));
        if (name != null) {
            names.put(id, name);
        }
        return this;
    }

    /** Whose image {@code id} is: {@code self} (the default), {@code others}, {@code system}. */
    ScriptedEcs owner(String id, String alias) {
        owners.put(id, alias);
        return this;
    }

    /** Tags image {@code id}. */
    ScriptedEcs tag(String id, String key, String value) {
        tags.computeIfAbsent(id, i -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /** The accounts image {@code id} is shared with, in the order of sharing. */
    synchronized List<String> sharedWith(String id) {
        return List.copyOf(shares.getOrDefault(id, java.util.Set.of()));
    }

    /** What a copy to {@code region} will go through (default {@link #QUICK_COPY}). */
    ScriptedEcs copyScript(String region, List<Step> steps) {
        copyScripts.put(region, steps);
        return this;
    }

    /** The next call of {@code action} answers this error instead. */
    ScriptedEcs fail(String action, int status, String code) {
        return queue(action, error(status, code));
    }

    /**
     * The next call of {@code action} about {@code region} (its DestinationRegionId for CopyImage,
     * else its RegionId) answers this error instead.
     */
    ScriptedEcs failIn(String region, String action, int status, String code) {
        return queue(action + "@" + region, error(status, code));
    }

    private static RawResponse error(int status, String code) {
        return new RawResponse(status, "{\"RequestId\":\"req-err\",\"Code\":\"" + code
                + "\",\"Message\":\"scripted " + code + "\",\"Recommend\":\"https://help.example/" + code + "\"}",
                "fake", "");
    }

    /** From now on no call of {@code action} gets an answer (a dead endpoint). */
    ScriptedEcs unreachable(String action) {
        unreachable.add(action);
        return this;
    }

    /** The next call of {@code action} gets no answer. */
    ScriptedEcs drop(String action) {
        return queue(action, new IOException("Connection reset"));
    }

    /** The next call of {@code action} throws this (a bug in the layers below, as far as the CLI knows). */
    ScriptedEcs explode(String action, RuntimeException e) {
        return queue(action, e);
    }

    private ScriptedEcs queue(String action, Object outcome) {
        queued.computeIfAbsent(action, a -> new ArrayDeque<>()).add(outcome);
        return this;
    }

    /** The image goes away, as if cancelled or deleted elsewhere. */
    synchronized void remove(String region, String id) {
        images.getOrDefault(region, new LinkedHashMap<>()).remove(id);
    }

    synchronized long count(String action) {
        return calls.stream().filter(c -> c.action().equals(action)).count();
    }

    boolean exists(String region, String id) {
        return images.getOrDefault(region, Map.of()).containsKey(id);
    }

    /** Runs {@link #beforeCall} outside the lock, so that a call it starts on another thread can proceed. */
    @Override
    public RawResponse send(ApiCall call) throws IOException {
        beforeCall.accept(call);
        return answer(call);
    }

    private synchronized RawResponse answer(ApiCall call) throws IOException {
        calls.add(call);
        if (unreachable.contains(call.action())) {
            throw new IOException("Connection refused");
        }
        String about = call.params().getOrDefault("DestinationRegionId", call.params().get("RegionId"));
        Deque<Object> q = queued.get(call.action() + "@" + about);
        if (q == null || q.isEmpty()) {
            q = queued.get(call.action());
        }
        if (q != null && !q.isEmpty()) {
            Object o = q.poll();
            if (o instanceof IOException e) {
                throw e;
            }
            if (o instanceof RuntimeException e) {
                throw e;
            }
            return (RawResponse) o;
        }
        Map<String, String> p = call.params();
        ObjectNode answer = JSON.createObjectNode().put("RequestId", "req-" + calls.size());
        switch (call.action()) {
            case "CopyImage" -> {
                String dest = p.get("DestinationRegionId");
                String id = tokens.get(p.get("ClientToken"));
                if (id == null) {
                    id = "m-" + dest.replaceAll("[^a-z]", "").substring(0, 3) + "copy" + nextId++;
                    tokens.put(p.get("ClientToken"), id);
                    images.computeIfAbsent(dest, r -> new LinkedHashMap<>())
                            .put(id, new ArrayDeque<>(copyScripts.getOrDefault(dest, QUICK_COPY)));
                    if (p.get("DestinationImageName") != null) {
                        names.put(id, p.get("DestinationImageName"));
                    }
                    for (int n = 1; p.containsKey("Tag." + n + ".Key"); n++) {
                        tag(id, p.get("Tag." + n + ".Key"), p.get("Tag." + n + ".Value"));
                    }
                }
                answer.put("ImageId", id);
            }
            case "DescribeImages" -> {
                ArrayNode list = answer.putObject("Images").putArray("Image");
                Map<String, Deque<Step>> region = images.getOrDefault(p.get("RegionId"), Map.of());
                List<String> wanted = p.get("ImageId") == null ? null : List.of(p.get("ImageId").split(","));
                String alias = p.get("ImageOwnerAlias");
                for (Map.Entry<String, Deque<Step>> e : region.entrySet()) {
                    String id = e.getKey();
                    String owner = owners.getOrDefault(id, "self");
                    String name = names.get(id);
                    if ((wanted != null && !wanted.contains(id))
                            || (p.get("ImageName") != null && (name == null || !name.contains(p.get("ImageName"))))
                            || (alias == null ? owner.equals("marketplace") : !alias.equals(owner))) {
                        continue;
                    }
                    Deque<Step> steps = e.getValue();
                    Step s = steps.size() > 1 ? steps.poll() : steps.peek();
                    if (s == GONE) {
                        continue;
                    }
                    ObjectNode i = list.addObject().put("ImageId", id).put("ImageName", name).put("ImageOwnerAlias", owner)
                            .put("Status", s.status()).put("Progress", s.progress() == null ? null : s.progress() + "%");
                    ArrayNode tagList = i.putObject("Tags").putArray("Tag");
                    tags.getOrDefault(id, Map.of()).forEach((k, v) -> tagList.addObject().put("TagKey", k).put("TagValue", v));
                    if (s.remain() != null) {
                        i.putObject("DiskDeviceMappings").putArray("DiskDeviceMapping").addObject()
                                .put("Device", "/dev/xvda").put("Size", "40").put("RemainTime", s.remain());
                    }
                }
                answer.put("TotalCount", list.size());
            }
            case "DescribeRegions" -> {
                ArrayNode list = answer.putObject("Regions").putArray("Region");
                regions.forEach(r -> list.addObject().put("RegionId", r).put("LocalName", r)
                        .put("RegionEndpoint", "ecs." + r + ".aliyuncs.com").put("Status", "available"));
            }
            case "ModifyImageSharePermission" -> {
                for (int n = 1; n <= 10 && p.containsKey("AddAccount." + n); n++) {
                    shares.computeIfAbsent(p.get("ImageId"), i -> new java.util.LinkedHashSet<>()).add(p.get("AddAccount." + n));
                }
            }
            case "DescribeImageSharePermission" -> {
                List<String> accounts = sharedWith(p.get("ImageId"));
                int size = Integer.parseInt(p.getOrDefault("PageSize", "10"));
                int page = Integer.parseInt(p.getOrDefault("PageNumber", "1"));
                ArrayNode list = answer.put("TotalCount", accounts.size()).put("PageSize", size).put("PageNumber", page)
                        .putObject("Accounts").putArray("Account");
                accounts.stream().skip((long) (page - 1) * size).limit(size)
                        .forEach(a -> list.addObject().put("AliyunId", a).put("SharedTime", "2026-11-27T12:00:00Z"));
            }
            case "CancelCopyImage" -> {
                if (images.getOrDefault(p.get("RegionId"), new LinkedHashMap<>()).remove(p.get("ImageId")) == null) {
                    return new RawResponse(404, "{\"RequestId\":\"req-nf\",\"Code\":\"InvalidImageId.NotFound\","
                            + "\"Message\":\"The specified ImageId does not exist.\"}", "fake", "");
                }
            }
            default -> throw new IllegalStateException(call.action());
        }
        return new RawResponse(200, answer.toString(), "fake", "");
    }
}
