package dev.ecsimage.sandbox;

import dev.ecsimage.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.api.CopyImageRequest;
import dev.ecsimage.api.CopyImageResult;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.ErrorKind;
import dev.ecsimage.api.Image;
import dev.ecsimage.api.Tag;
import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.RetryPolicy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-process sandbox as the project's own client sees it. */
class InProcessTransportTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-01-10T10:00:00Z"));
    final InProcessTransport transport = InProcessTransport.create(clock, 10);
    final EcsClient client = new EcsClient(transport, RetryPolicy.standard(1), duration -> { }, null);

    CopyImageRequest copy(String imageId, boolean dryRun) {
        return new CopyImageRequest("cn-hangzhou", imageId, "cn-shanghai", "web-copy", null, false, null, null,
                List.of(new Tag("env", "")), "token-1", dryRun);
    }

    @Test
    void aCopyIsFollowedAndCancelledThroughTheClient() throws InterruptedException {
        CopyImageResult result = client.copyImage(copy(Seed.DEMO_IMAGE_ID, false));
        assertTrue(result.imageId().matches("m-uf6[a-z0-9]{17}"), result.imageId());
        assertEquals(List.of(new Image("cn-shanghai", result.imageId(), "web-copy", "Waiting", 0, 11L, "self",
                        Map.of("env", ""))),
                client.describeImages("cn-shanghai", List.of(result.imageId()), Image.ALL_STATUSES, null));
        clock.advanceSeconds(6);
        assertEquals(List.of(new Image("cn-shanghai", result.imageId(), "web-copy", "Creating", 50, 5L, "self",
                        Map.of("env", ""))),
                client.describeImages("cn-shanghai", List.of(result.imageId()), Image.ALL_STATUSES, null));
        assertEquals(List.of(), client.describeImages("cn-shanghai", List.of(result.imageId()), null, null),
                "the service's default shows Available images only");
        client.cancelCopyImage("cn-shanghai", result.imageId());
        assertEquals(List.of(), client.describeImages("cn-shanghai", List.of(result.imageId()), Image.ALL_STATUSES, null));
        assertEquals(1, transport.ecs().copiesCreated());
    }

    @Test
    void dryRunAndErrorsComeBackAsTheServiceSendsThem() throws InterruptedException {
        assertTrue(client.copyImage(copy(Seed.DEMO_IMAGE_ID, true)).dryRunPassed());
        EcsException e = assertThrows(EcsException.class, () -> client.copyImage(copy("m-bp1ui6d39zzzzg4zdmen", false)));
        assertEquals("OperationDeined.EncryptedSnapshot", e.code());
        assertEquals(403, e.httpStatus());
        assertEquals(ErrorKind.INVALID, e.kind());
        assertEquals(0, transport.ecs().copiesCreated());
    }

    @Test
    void emptyParametersAreDroppedLikeOnTheWire() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("RegionId", "cn-hangzhou");
        params.put("ImageId", null);
        params.put("Status", "");
        RawResponse raw = transport.send(new ApiCall("cn-hangzhou", "DescribeImages", params));
        assertEquals(200, raw.status(), raw.body());
        assertEquals("sandbox:cn-hangzhou", raw.endpoint());
        assertTrue(raw.body().contains("\"TotalCount\":15"), raw.body());
    }
}
