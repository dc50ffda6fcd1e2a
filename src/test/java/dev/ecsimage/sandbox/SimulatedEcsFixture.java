package dev.ecsimage.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsimage.testing.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A fresh simulator on a manual clock, and the calls the simulator's tests make of it. */
abstract class SimulatedEcsFixture {
    static final String DEMO = Seed.DEMO_IMAGE_ID;
    static final String SLOW = "m-bp1ht9lgmxg9edn581u3";
    static final String FLAKY = "m-bp1kvj50ce9uvw53efr4";
    static final String CREATING = "m-bp1pzz5fk2z9ri19r0wy";
    static final String ENCRYPTED = "m-bp1ui6d39zzzzg4zdmen";
    static final String GOLDEN = "m-uf6s26lrwbqcab69m64p";
    static final String BROKEN_COPY = "m-2ze4r6mp6afqfjzczbtt";
    static final String OPS = "m-2zeaeq1kdfy6spsc3lkr";
    static final String SERVICE_KEY_IMAGE = "m-bp1jk8qae5gq8fmn9klr";
    static final String CMK_IMAGE = "m-bp1d1qzne297mr8f5035";
    static final String MARKETPLACE_IMAGE = "m-bp13zcdbyrmv8za4ajo5";
    static final String OTHERS_RELEASE_10 = "m-uf6mpabt0167qcg0pjgg";
    static final String OWN_RELEASE_10_OLD = "m-uf6z819rclg0hgfgwf1l";
    static final String TAGGED_RELEASE_11 = "m-uf6jthrswt32gw1bk6on";
    static final String UNTAGGED_RELEASE_12 = "m-uf6n9ur9aupao1ztz2oj";
    static final Instant START = Instant.parse("2026-01-10T10:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final SimulatedEcs ecs = new SimulatedEcs(clock, 10, new Random(1));

    ApiAnswer call(String action, String... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        return ecs.handle(action, params);
    }

    ApiAnswer copy(String imageId, String source, String destination, String... extra) {
        List<String> kv = new ArrayList<>(List.of("RegionId", source, "ImageId", imageId, "DestinationRegionId", destination));
        kv.addAll(List.of(extra));
        return call("CopyImage", kv.toArray(String[]::new));
    }

    String copied(String imageId, String source, String destination, String... extra) {
        ApiAnswer answer = copy(imageId, source, destination, extra);
        assertEquals(200, answer.status(), answer.json());
        return answer.body().get("ImageId").asText();
    }

    /** The body of a successful answer. */
    static JsonNode ok(ApiAnswer answer) {
        assertEquals(200, answer.status(), answer.json());
        return answer.body();
    }

    static void assertError(ApiAnswer answer, int status, String code) {
        assertEquals(code, answer.code(), answer.json());
        assertEquals(status, answer.status(), answer.json());
    }

    static void assertError(ApiAnswer answer, int status, String code, String message) {
        assertError(answer, status, code);
        assertEquals(message, answer.body().get("Message").asText(), answer.json());
    }

    /** The ImageName of every image a DescribeImages answer lists, in order. */
    static List<String> names(ApiAnswer answer) {
        List<String> names = new ArrayList<>();
        ok(answer).get("Images").get("Image").forEach(i -> names.add(i.get("ImageName").asText()));
        return names;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
