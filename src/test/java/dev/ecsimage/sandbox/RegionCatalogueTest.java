package dev.ecsimage.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DescribeRegions as the service documents it (api-ecs-2014-05-26-describeregions). */
class RegionCatalogueTest extends SimulatedEcsFixture {

    private static JsonNode region(JsonNode body, String id) {
        for (JsonNode r : body.get("Regions").get("Region")) {
            if (r.get("RegionId").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError(id + " not listed: " + body);
    }

    @Test
    void everyRegionIsListedInOrderWithChineseNamesByDefault() {
        JsonNode body = ok(call("DescribeRegions"));
        assertEquals(List.of("RequestId", "Regions"), fieldNames(body));
        List<String> ids = new ArrayList<>();
        body.get("Regions").get("Region").forEach(r -> ids.add(r.get("RegionId").asText()));
        assertEquals(Seed.regions().stream().map(Region::id).toList(), ids);
        assertEquals("{\"RegionId\":\"cn-qingdao\",\"LocalName\":\"华北1（青岛）\",\"RegionEndpoint\":"
                + "\"ecs.cn-qingdao.aliyuncs.com\",\"Status\":\"available\"}", body.get("Regions").get("Region").get(0)
                .toString());
        assertEquals("{\"RegionId\":\"cn-hangzhou\",\"LocalName\":\"华东1（杭州）\",\"RegionEndpoint\":"
                + "\"ecs-cn-hangzhou.aliyuncs.com\",\"Status\":\"available\"}", region(body, "cn-hangzhou").toString());
        assertEquals("华东5（南京-本地地域）", region(body, Seed.NO_COPY_REGION).get("LocalName").asText(),
                "a region where copying is not supported is still a region");
        assertEquals("soldOut", region(body, Seed.SOLD_OUT_REGION).get("Status").asText());
        assertEquals("泰国（曼谷）", region(body, Seed.SOLD_OUT_REGION).get("LocalName").asText());
        assertEquals(1, ecs.calls("DescribeRegions"));
    }

    @Test
    void acceptLanguageChoosesTheNames() {
        JsonNode english = ok(call("DescribeRegions", "AcceptLanguage", "en-US"));
        assertEquals("China (Hangzhou)", region(english, "cn-hangzhou").get("LocalName").asText());
        assertEquals("Singapore", region(english, "ap-southeast-1").get("LocalName").asText());
        assertEquals("US (Virginia)", region(english, "us-east-1").get("LocalName").asText());
        assertEquals("ecs.us-east-1.aliyuncs.com", region(english, "us-east-1").get("RegionEndpoint").asText());
        assertEquals("华东2（上海）", region(ok(call("DescribeRegions", "AcceptLanguage", "zh-CN")), "cn-shanghai")
                .get("LocalName").asText());
        assertEquals("China (Shanghai)", region(ok(call("DescribeRegions", "AcceptLanguage", "ja")), "cn-shanghai")
                .get("LocalName").asText(), "the sandbox has no Japanese names: English instead");
    }

    @Test
    void documentedValuesAreAcceptedAndTheRestRefusedWithTheDocumentedCodes() {
        for (String type : List.of("PrePaid", "PostPaid", "SpotWithPriceLimit", "SpotAsPriceGo")) {
            ok(call("DescribeRegions", "InstanceChargeType", type));
        }
        for (String type : List.of("instance", "disk", "reservedinstance", "scu", "Instance")) {
            ok(call("DescribeRegions", "ResourceType", type));
        }
        ok(call("DescribeRegions", "RegionId", "cn-hangzhou", "AcceptLanguage", "", "ResourceType", ""));
        assertError(call("DescribeRegions", "AcceptLanguage", "fr"), 404, "InvalidAcceptLanguage.NotFound",
                "Only Chinese (zh-CN), English (en-US), and Japanese (ja) are allowed.");
        assertError(call("DescribeRegions", "InstanceChargeType", "Monthly"), 403, "Invalid.InstanceChargeType",
                "The specified instanceChargeType is not valid.");
        assertError(call("DescribeRegions", "ResourceType", "gpu"), 404, "InvalidResourceType.NotFound",
                "The ResourceType provided does not exist in our records.");
    }
}
