package dev.ecsimage.auth;

import dev.ecsimage.api.EcsException;
import dev.ecsimage.transport.EnvironmentProxySelector;
import dev.ecsimage.transport.NetworkErrors;
import dev.ecsimage.transport.ProxyUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of the credential sources (STS, the instance metadata service, a credentials
 * URI): short timeouts, no retries, no redirects, no cookies. One request, one answer. Like the
 * API's client it goes through the environment's proxy with its credentials (a 407 is a
 * configuration error), reads at most {@link #MAX_ANSWER_BYTES} and says network failures in words.
 */
final class CredentialHttp {
    /** Credentials answers are a few hundred bytes; anything this long is not one. */
    static final int MAX_ANSWER_BYTES = 1 << 20;

    /** The status and body text of one answer. */
    record Answer(int status, String body) {
        /**
         * This answer if it is 200; a 4xx is a configuration problem (wrong role name, URI or
         * setting), a 5xx or other status a passing failure of the service.
         */
        Answer requireOk(String what) {
            if (status == 200) {
                return this;
            }
            if (status >= 400 && status < 500) {
                throw new ConfigException(what + ": HTTP " + status);
            }
            throw EcsException.badResponse(status, what + ": HTTP " + status);
        }
    }

    private final CloseableHttpClient http;
    private final EnvironmentProxySelector proxies;

    /** @param proxies null for a direct connection (the metadata service is link-local) */
    CredentialHttp(Duration timeout, EnvironmentProxySelector proxies) {
        this.proxies = proxies;
        Timeout t = Timeout.ofMilliseconds(timeout.toMillis());
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setConnectionRequestTimeout(t).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        if (proxies != null) {
            builder.setRoutePlanner(new SystemDefaultRoutePlanner(proxies));
        }
        this.http = builder.build();
    }

    /**
     * @param what names the request in the error message
     * @throws EcsException {@link EcsException#NETWORK_ERROR} when no answer arrived (refused, timed out)
     */
    Answer send(HttpUriRequestBase request, String what) {
        request.setHeader("User-Agent", "ecs-image");
        HttpClientContext context = HttpClientContext.create();
        ProxyUrl proxy = null;
        try {
            proxy = proxies == null ? null : proxies.proxyFor(request.getUri());
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(what + ": " + e.getMessage());
        }
        if (proxy != null && proxy.hasCredentials()) {
            context.setAuthCache(proxy.preemptiveCredentials());
        }
        try (ClassicHttpResponse response = http.executeOpen(null, request, context)) {
            if (response.getCode() == 407) {
                throw ProxyUrl.refused(request.getUri(), proxy);
            }
            return new Answer(response.getCode(), body(request, response, what));
        } catch (IOException e) {
            request.cancel();
            throw EcsException.network(what + ": no answer (" + NetworkErrors.describe(e) + ")", e);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(what + ": " + e.getMessage());
        }
    }

    /** The body, or a bad answer when it is longer than {@link #MAX_ANSWER_BYTES} (the rest is not read). */
    private static String body(HttpUriRequestBase request, ClassicHttpResponse response, String what)
            throws IOException {
        if (response.getEntity() == null) {
            return "";
        }
        InputStream in = response.getEntity().getContent();
        byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
        if (bytes.length > MAX_ANSWER_BYTES) {
            request.cancel(); // closes the connection: closing the answer would drain the rest
            throw EcsException.badResponse(response.getCode(), what + ": the answer is longer than "
                    + (MAX_ANSWER_BYTES >> 20) + " MiB; not read");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
