package dev.ecsimage.transport;

import dev.ecsimage.output.Sentence;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.core5.http.HttpHost;

/**
 * A proxy from {@code HTTPS_PROXY} / {@code HTTP_PROXY}: {@code [http://][user[:password]@]host[:port]},
 * port 80 when none is given, user and password percent-decoded. Only http proxies are
 * supported (the connection to the proxy is plain; https targets go through a CONNECT tunnel).
 *
 * @param variable the environment variable it came from, for messages
 * @param user     null without credentials
 * @param password null without credentials; never printed
 */
public record ProxyUrl(String variable, String host, int port, String user, String password) {
    /** A URL's user and ':', then its password: up to the last {@code @}, since a password may hold anything. */
    private static final Pattern USER_INFO = Pattern.compile("^((?:[A-Za-z][A-Za-z0-9+.-]*://)?[^:@/]*:).*@");

    /**
     * @throws ConnectionConfigException when the value is not an http proxy URL; the message shows it with
     *                                   the password masked
     */
    public static ProxyUrl parse(String variable, String value) {
        String url = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(variable, value, new Sentence("proxy.not-a-url"));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw invalid(variable, value, new Sentence("proxy.scheme", scheme));
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(variable, value, new Sentence("proxy.no-host"));
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':'); // URI has checked the %XY sequences
            user = PercentEncoding.decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : PercentEncoding.decode(userInfo.substring(colon + 1));
        }
        return new ProxyUrl(variable, host, uri.getPort() == -1 ? 80 : uri.getPort(), user, password);
    }

    public boolean hasCredentials() {
        return user != null;
    }

    /**
     * For a request's {@code HttpClientContext}: makes httpclient send these credentials as Basic
     * {@code Proxy-Authorization} with the first request to this proxy (the CONNECT, for https), as
     * curl does, rather than only after a 407. Only for a proxy {@link #hasCredentials() with credentials}.
     */
    public BasicAuthCache preemptiveCredentials() {
        BasicScheme basic = new BasicScheme();
        basic.initPreemptive(new UsernamePasswordCredentials(user, password.toCharArray()));
        BasicAuthCache cache = new BasicAuthCache();
        cache.put(new HttpHost("http", host, port), basic);
        return cache;
    }

    /** {@code http://user:***@host:port} (the user percent-encoded, as in a URL): for messages. */
    public String masked() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "http://" + (user == null ? "" : PercentEncoding.encode(user) + ":***@") + h + ":" + port;
    }

    @Override
    public String toString() {
        return masked();
    }

    /** The value as it was given, with the password (everything between the user's ':' and the last '@') masked. */
    static String mask(String value) {
        return USER_INFO.matcher(value).replaceFirst("$1***@");
    }

    /**
     * The configuration error for a 407 from the proxy on the way to {@code target}: no credentials
     * given, or the ones given refused. The hint names the variable to change.
     *
     * @param proxy the proxy from the environment, null when the JVM's settings chose it
     */
    public static ConnectionConfigException refused(URI target, ProxyUrl proxy) {
        String variable = proxy != null ? proxy.variable()
                : "https".equalsIgnoreCase(target.getScheme()) ? "HTTPS_PROXY" : "HTTP_PROXY";
        if (proxy == null) {
            return new ConnectionConfigException(new Sentence("proxy.needs-credentials"),
                    new Sentence("hint.proxy.give-credentials", variable));
        }
        if (!proxy.hasCredentials()) {
            return new ConnectionConfigException(new Sentence("proxy.needs-credentials.named", proxy.masked(), variable),
                    new Sentence("hint.proxy.give-credentials.format", variable));
        }
        return new ConnectionConfigException(new Sentence("proxy.refused-credentials", proxy.masked(), variable),
                new Sentence("hint.proxy.check-credentials", variable));
    }

    private static ConnectionConfigException invalid(String variable, String value, Sentence problem) {
        return new ConnectionConfigException(new Sentence("proxy.invalid", variable, mask(value), problem),
                new Sentence("hint.proxy.format", variable));
    }
}
