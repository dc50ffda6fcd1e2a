package dev.ecsimage.auth;

import dev.ecsimage.api.EcsException;
import java.io.IOException;
import java.net.ProxySelector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of the credential sources (STS, the instance metadata service, a credentials
 * URI): short timeouts, no retries, no redirects, no cookies. One request, one answer.
 */
final class CredentialHttp {
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

    /** @param proxies null for a direct connection (the metadata service is link-local) */
    CredentialHttp(Duration timeout, ProxySelector proxies) {
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
    Answer send(ClassicHttpRequest request, String what) {
        request.setHeader("User-Agent", "ecs-image");
        try {
            return http.execute(request, response -> new Answer(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw EcsException.network(what + ": no answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }
}
