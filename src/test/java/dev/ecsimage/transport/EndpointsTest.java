package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Region to endpoint, the SDK's cn-hangzhou exception, VPC, and a fixed override. */
class EndpointsTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "PUBLIC, cn-beijing, https://ecs.cn-beijing.aliyuncs.com",
            "PUBLIC, ap-southeast-1, https://ecs.ap-southeast-1.aliyuncs.com",
            "PUBLIC, cn-hangzhou, https://ecs-cn-hangzhou.aliyuncs.com",
            "VPC, cn-beijing, https://ecs-vpc.cn-beijing.aliyuncs.com",
            "VPC, cn-hangzhou, https://ecs-vpc.cn-hangzhou.aliyuncs.com",
    })
    void regionEndpoint(Endpoints.Network network, String region, URI expected) {
        assertEquals(expected, Endpoints.of(network).forRegion(region));
    }

    @Test
    void fixedEndpointServesEveryRegion() {
        Endpoints fixed = Endpoints.fixed(URI.create("http://127.0.0.1:8089"));
        assertEquals(URI.create("http://127.0.0.1:8089"), fixed.forRegion("cn-beijing"));
        assertEquals(URI.create("http://127.0.0.1:8089"), fixed.forRegion("cn-hangzhou"));
    }

    @Test
    void signedHostIsHostWithPortWhenThereIsOne() {
        assertEquals("127.0.0.1:8089", Endpoints.host(URI.create("http://127.0.0.1:8089")));
        assertEquals("ecs.cn-beijing.aliyuncs.com", Endpoints.host(URI.create("https://ecs.cn-beijing.aliyuncs.com")));
        assertEquals("localhost:443", Endpoints.host(URI.create("https://localhost:443/")));
    }
}
