package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proxy choice from HTTPS_PROXY / HTTP_PROXY / NO_PROXY, falling back to the JVM's selector. */
class EnvironmentProxySelectorTest {
    private static final URI ECS = URI.create("https://ecs.cn-beijing.aliyuncs.com/");
    private static final Proxy JVM_PROXY = new Proxy(Proxy.Type.HTTP,
            InetSocketAddress.createUnresolved("jvm-proxy", 9999));
    private static final ProxySelector JVM = new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
            return List.of(JVM_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    };

    private static List<Proxy> select(Map<String, String> env, URI uri) {
        return new EnvironmentProxySelector(env, JVM).select(uri);
    }

    private static List<Proxy> proxy(String host, int port) {
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port)));
    }

    @Test
    void httpsProxyUpperCase() {
        assertEquals(proxy("proxy.corp", 3128), select(Map.of("HTTPS_PROXY", "http://proxy.corp:3128"), ECS));
    }

    @Test
    void httpsProxyLowerCaseAndWithoutScheme() {
        assertEquals(proxy("proxy.corp", 3128), select(Map.of("https_proxy", "proxy.corp:3128"), ECS));
    }

    @Test
    void proxyWithoutPortUses80() {
        assertEquals(proxy("proxy.corp", 80), select(Map.of("HTTPS_PROXY", "http://proxy.corp"), ECS));
    }

    @Test
    void httpProxyIsForHttpUrlsOnly() {
        Map<String, String> env = Map.of("HTTP_PROXY", "http://plain:8080");
        assertEquals(proxy("plain", 8080), select(env, URI.create("http://127.0.0.1:8089/")));
        assertEquals(List.of(JVM_PROXY), select(env, ECS));
    }

    @Test
    void noProxySuffixBypasses() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", "localhost, .aliyuncs.com");
        assertEquals(List.of(Proxy.NO_PROXY), select(env, ECS));
        assertEquals(List.of(Proxy.NO_PROXY), select(env, URI.create("https://aliyuncs.com/")));
        assertEquals(proxy("proxy.corp", 3128), select(env, URI.create("https://notaliyuncs.com/")));
    }

    @Test
    void noProxyWithoutLeadingDotAndLowerCaseName() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "no_proxy", "AliyunCS.com");
        assertEquals(List.of(Proxy.NO_PROXY), select(env, ECS));
    }

    @Test
    void noProxyStarBypassesEverything() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", "*");
        assertEquals(List.of(Proxy.NO_PROXY), select(env, ECS));
    }

    @Test
    void withoutEnvironmentTheJvmSelectorDecides() {
        assertEquals(List.of(JVM_PROXY), select(Map.of(), ECS));
        assertEquals(List.of(JVM_PROXY), select(Map.of("HTTPS_PROXY", "  "), ECS));
    }

    @Test
    void withoutEnvironmentOrJvmSelectorNoProxy() {
        assertEquals(List.of(Proxy.NO_PROXY), new EnvironmentProxySelector(Map.of(), null).select(ECS));
    }
}
