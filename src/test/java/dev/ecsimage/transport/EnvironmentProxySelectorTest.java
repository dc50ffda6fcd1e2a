package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    void credentialsAreTakenFromTheUrlPercentDecoded() {
        EnvironmentProxySelector selector = new EnvironmentProxySelector(
                Map.of("https_proxy", "http://u%20s:p%40ss%3Aw%C3%B6rd+@proxy.corp:3128/"), JVM);
        ProxyUrl proxy = selector.proxyFor(ECS);
        assertEquals(new ProxyUrl("https_proxy", "proxy.corp", 3128, "u s", "p@ss:wörd+"), proxy);
        assertEquals("http://u%20s:***@proxy.corp:3128", proxy.masked());
        assertEquals("http://u%20s:***@proxy.corp:3128", proxy.toString());
        assertEquals(proxy("proxy.corp", 3128), selector.select(ECS));
    }

    @Test
    void aUserWithoutPasswordAndAnIpv6Proxy() {
        assertEquals(new ProxyUrl("HTTPS_PROXY", "::1", 8080, "me", ""),
                new EnvironmentProxySelector(Map.of("HTTPS_PROXY", "me@[::1]:8080"), JVM).proxyFor(ECS));
        assertEquals("http://me:***@[::1]:8080", new ProxyUrl("HTTPS_PROXY", "::1", 8080, "me", "").masked());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "socks5://u:secret@proxy:1080 | HTTPS_PROXY 'socks5://u:***@proxy:1080' uses socks5://, which ecs-image does not support (only http:// proxies)",
            "https://proxy.corp:443       | HTTPS_PROXY 'https://proxy.corp:443' uses https://, which ecs-image does not support (only http:// proxies)",
            "http://u:secret@[bad         | HTTPS_PROXY 'http://u:***@[bad' is not a proxy URL",
            "http://u:se/cr@et@proxy:1    | HTTPS_PROXY 'http://u:***@proxy:1' is not a proxy URL (no host)",
            "u:secret@proxy:1 x           | HTTPS_PROXY 'u:***@proxy:1 x' is not a proxy URL",
            "http://u:sec%zzret@proxy:1   | HTTPS_PROXY 'http://u:***@proxy:1' is not a proxy URL",
    })
    void aProxyUrlThatIsNotAnHttpProxyIsAConfigurationErrorWithThePasswordMasked(String value, String message) {
        EnvironmentProxySelector selector = new EnvironmentProxySelector(Map.of("HTTPS_PROXY", value), JVM);
        ConnectionConfigException e = assertThrows(ConnectionConfigException.class, () -> selector.select(ECS));
        assertEquals(message, e.getMessage());
        assertEquals("set HTTPS_PROXY to http://host:port, or http://user:password@host:port with special characters "
                + "of the user and password percent-encoded (@ as %40, : as %3A)", e.hint());
    }

    @Test
    void aBrokenHttpProxyDoesNotMatterForHttps() {
        assertEquals(List.of(JVM_PROXY), select(Map.of("HTTP_PROXY", "socks5://x:1"), ECS));
    }

    @ParameterizedTest
    @CsvSource({
            "'*.aliyuncs.com', https://ecs.cn-beijing.aliyuncs.com/, true",
            "'*.aliyuncs.com', https://aliyuncs.com/, true",
            "'.aliyuncs.com', https://ecs.aliyuncs.com./, true",
            "'aliyuncs.com', https://notaliyuncs.com/, false",
            "'ecs.cn-beijing.aliyuncs.com:443', https://ecs.cn-beijing.aliyuncs.com/, true",
            "'ecs.cn-beijing.aliyuncs.com:443', http://ecs.cn-beijing.aliyuncs.com/, false",
            "'ecs.cn-beijing.aliyuncs.com:8080', http://ecs.cn-beijing.aliyuncs.com:8080/, true",
            "'10.0.0.0/8', https://10.1.2.3/, true",
            "'10.0.0.0/8', https://11.0.0.1/, false",
            "'10.0.0.0/8', https://ten.example/, false",
            "'10.0.0.0/x', https://10.1.2.3/, false",
            "'192.168.1.7', https://192.168.1.7:8443/, true",
            "'192.168.1.7', https://192.168.1.8/, false",
            "'192.168.1.0/24', https://192.168.1.200/, true",
            "'999.1.1.1', https://999.1.1.1/, false",
            "'fd00::/8', https://[fd12::1]/, true",
            "'fd00::/8', https://[fe80::1]/, false",
            "'::1', https://[::1]/, true",
            "'[::1]:8443', https://[::1]:8443/, true",
            "'[::1]:8443', https://[::1]/, false",
            "'localhost 127.0.0.0/8', https://127.0.0.1:8080/, true",
            "'a.example,,b.example', https://x.b.example/, true",
            "'a:b', https://a/, false",
    })
    void noProxyTakesWhatCurlTakes(String noProxy, String url, boolean direct) {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "HTTP_PROXY", "http://proxy.corp:3128",
                "NO_PROXY", noProxy);
        URI uri = URI.create(url);
        assertEquals(direct ? List.of(Proxy.NO_PROXY) : proxy("proxy.corp", 3128), select(env, uri));
        if (direct) {
            assertNull(new EnvironmentProxySelector(env, JVM).proxyFor(uri));
        }
    }
}
