package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Region to endpoint, the SDK's cn-hangzhou exception, VPC, and a fixed override. */
class EndpointsTest {
    @Test
    void publicRegion() {
        assertEquals(URI.create("https://ecs.cn-beijing.aliyuncs.com"),
                Endpoints.of(Endpoints.Network.PUBLIC).forRegion("cn-beijing"));
        assertEquals(URI.create("https://ecs.ap-southeast-1.aliyuncs.com"),
                Endpoints.of(Endpoints.Network.PUBLIC).forRegion("ap-southeast-1"));
    }

    @Test
    void hangzhouIsTheSdkException() {
        assertEquals(URI.create("https://ecs-cn-hangzhou.aliyuncs.com"),
                Endpoints.of(Endpoints.Network.PUBLIC).forRegion("cn-hangzhou"));
    }

    @Test
    void vpcNetwork() {
        assertEquals(URI.create("https://ecs-vpc.cn-beijing.aliyuncs.com"),
                Endpoints.of(Endpoints.Network.VPC).forRegion("cn-beijing"));
        assertEquals(URI.create("https://ecs-vpc.cn-hangzhou.aliyuncs.com"),
                Endpoints.of(Endpoints.Network.VPC).forRegion("cn-hangzhou"));
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
