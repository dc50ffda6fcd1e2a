package dev.ecsimage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.sandbox.InProcessTransport;
import dev.ecsimage.testing.ManualClock;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.RetryPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whose image it is and where it came from: ImageOwnerAlias sent and read, tags read, through the client. */
class ImageOwnerTest {
    final InProcessTransport sandbox = InProcessTransport.create(new ManualClock(Instant.parse("2026-01-10T10:00:00Z")), 10);
    final EcsClient client = new EcsClient(sandbox, RetryPolicy.standard(1), duration -> { }, null);

    @Test
    void aSearchByNameFindsOtherAccountsImagesUnlessOnlyOwnOnesAreAsked() throws InterruptedException {
        List<Image> any = client.describeImages("cn-shanghai", null, Image.ALL_STATUSES, "release-10");
        assertEquals(List.of(new Image("cn-shanghai", "m-uf6mpabt0167qcg0pjgg", "release-10", "Available", 100, 0L,
                        "others", Map.of()),
                new Image("cn-shanghai", "m-uf6z819rclg0hgfgwf1l", "release-10-old", "Available", 100, 0L, "self",
                        Map.of())), any);
        assertFalse(any.get(0).isOwn());
        assertTrue(any.get(1).isOwn());
        List<Image> own = client.describeImages("cn-shanghai", null, Image.ALL_STATUSES, "release-1", Image.OWNED_BY_SELF);
        assertEquals(List.of("release-11", "release-12", "release-10-old"), own.stream().map(Image::name).toList());
        assertEquals(Map.of("ecs-image:source", "cn-hangzhou/m-bp1ht9lgmxg9edn581u3"), own.get(0).tags());
        assertEquals(List.of("aliyun_3_x64_20G_alibase_20250101.vhd"), client.describeImages("cn-beijing", null, null,
                null, "system").stream().map(Image::imageId).toList());
        assertEquals(3, sandbox.ecs().calls("DescribeImages"));
    }

    @Test
    void anUnknownOwnerAliasIsTheServicesInvalidParameter() {
        EcsException e = assertThrows(EcsException.class,
                () -> client.describeImages("cn-shanghai", null, null, null, "mine"));
        assertEquals("InvalidParameter", e.code());
        assertEquals("The specified parameter \"ImageOwnerAlias\" is not valid.", e.getMessage());
    }

    @Test
    void ownerAndTagsAreReadInOrderAndAbsentOnesLeftEmpty() {
        String body = "{\"TotalCount\":2,\"Images\":{\"Image\":["
                + "{\"ImageId\":\"m-1\",\"Status\":\"Available\",\"ImageOwnerAlias\":\"self\",\"Tags\":{\"Tag\":["
                + "{\"TagKey\":\"z\",\"TagValue\":\"1\"},{\"TagKey\":\"a\"},{\"TagValue\":\"no key\"},"
                + "{\"TagKey\":\"m\",\"TagValue\":\"\"}]}},"
                + "{\"ImageId\":\"m-2\",\"Status\":\"Available\",\"Tags\":{}}]}}";
        List<Image> images = ResponseParser.images("cn-beijing", ResponseParser.parse(new RawResponse(200, body, "e", "")));
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(images.get(0).tags().keySet()), "the service's order");
        assertEquals(Map.of("z", "1", "a", "", "m", ""), images.get(0).tags());
        assertEquals("self", images.get(0).ownerAlias());
        assertEquals(new Image("cn-beijing", "m-2", null, "Available", null, null), images.get(1),
                "no owner, no tags: as an image made without them");
        assertThrows(UnsupportedOperationException.class, () -> images.get(0).tags().put("x", "y"));
    }
}
