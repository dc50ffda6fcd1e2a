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
 * by scheme, {@code NO_PROXY} as a comma list of host suffixes ({@code *} for all); without them,
 * the JVM's own settings ({@code -Dhttps.proxyHost=...}).
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
        String proxy = get(uri.getScheme().equalsIgnoreCase("https") ? "HTTPS_PROXY" : "HTTP_PROXY");
        if (proxy == null) {
            return fallback == null ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
        }
        if (bypassed(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        URI proxyUri = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
        int port = proxyUri.getPort() == -1 ? 80 : proxyUri.getPort();
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxyUri.getHost(), port)));
    }

    boolean bypassed(String host) {
        String noProxy = get("NO_PROXY");
        if (noProxy == null || host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy.split(",")) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.equals("*")) {
                return true;
            }
            String suffix = e.startsWith(".") ? e.substring(1) : e;
            if (h.equals(suffix) || h.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }

    private String get(String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            v = env.get(name.toLowerCase(Locale.ROOT));
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to remember: the retry policy decides what happens next
    }
}
