package dev.ecsimage.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxies as command-line tools take them: {@code HTTPS_PROXY} / {@code HTTP_PROXY} (either case)
 * by scheme, as {@code [http://][user:password@]host[:port]} ({@link ProxyUrl}); {@code NO_PROXY}
 * as curl reads it ({@link NoProxyList}); without them, the JVM's own settings
 * ({@code -Dhttps.proxyHost=...}). A proxy variable is read when a request needs it, so a broken
 * {@code HTTP_PROXY} does not stop calls to https endpoints.
 */
public final class EnvironmentProxySelector extends ProxySelector {
    private final Map<String, String> env;
    private final ProxySelector fallback;

    public EnvironmentProxySelector(Map<String, String> env, ProxySelector fallback) {
        this.env = env;
        this.fallback = fallback;
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (variable(uri) == null) {
            return fallback == null ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
        }
        ProxyUrl proxy = proxyFor(uri);
        return proxy == null ? List.of(Proxy.NO_PROXY)
                : List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
    }

    /**
     * The proxy the environment sets for {@code uri}; null when it sets none or {@code NO_PROXY}
     * exempts the host (the JVM's settings may still name one).
     *
     * @throws ConnectionConfigException when the variable is not an http proxy URL
     */
    public ProxyUrl proxyFor(URI uri) {
        String variable = variable(uri);
        if (variable == null || bypassed(uri)) {
            return null;
        }
        return ProxyUrl.parse(variable, env.get(variable).trim());
    }

    /** Which variable (as spelled in the environment) names the proxy for {@code uri}; null for none. */
    private String variable(URI uri) {
        String name = "https".equalsIgnoreCase(uri.getScheme()) ? "HTTPS_PROXY" : "HTTP_PROXY";
        for (String spelling : new String[] {name, name.toLowerCase(Locale.ROOT)}) {
            String v = env.get(spelling);
            if (v != null && !v.isBlank()) {
                return spelling;
            }
        }
        return null;
    }

    private boolean bypassed(URI uri) {
        String noProxy = env.get("NO_PROXY");
        if (noProxy == null || noProxy.isBlank()) {
            noProxy = env.get("no_proxy");
        }
        if (noProxy == null || noProxy.isBlank()) {
            return false;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new NoProxyList(noProxy).matches(uri.getHost(), port);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to remember: the retry policy decides what happens next
    }
}
