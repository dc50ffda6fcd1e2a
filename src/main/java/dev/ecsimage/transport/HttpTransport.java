package dev.ecsimage.transport;

import dev.ecsimage.auth.Credentials;
import dev.ecsimage.auth.CredentialsProvider;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The wire: one httpclient5 client per process, every attempt signed afresh with a new nonce and
 * timestamp. It neither retries nor redirects; {@code EcsClient} decides what to do with an answer.
 */
public final class HttpTransport implements Transport {
    private final CloseableHttpClient http;
    private final Endpoints endpoints;
    private final CredentialsProvider credentials;
    private final SignatureVersion signatureVersion;
    private final Clock clock;
    private final Supplier<String> nonces;
    private final String userAgent;

    public record Settings(Duration connectTimeout, Duration readTimeout, SignatureVersion signatureVersion,
                           String userAgent) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(30), SignatureVersion.v3, "ecs-image");
        }
    }

    public HttpTransport(Endpoints endpoints, CredentialsProvider credentials, Settings settings,
                         Map<String, String> env, Clock clock, Supplier<String> nonces) {
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.signatureVersion = settings.signatureVersion();
        this.clock = clock;
        this.nonces = nonces;
        this.userAgent = settings.userAgent();
        Timeout connect = Timeout.ofMilliseconds(settings.connectTimeout().toMillis());
        Timeout read = Timeout.ofMilliseconds(settings.readTimeout().toMillis());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new LazyTlsStrategy())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
                .setRoutePlanner(new SystemDefaultRoutePlanner(
                        new EnvironmentProxySelector(env, ProxySelector.getDefault())))
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    public static Supplier<String> randomNonces() {
        return () -> UUID.randomUUID().toString();
    }

    @Override
    public RawResponse send(ApiCall call) throws IOException {
        URI base = endpoints.forRegion(call.region());
        Credentials creds = credentials.credentials();
        SignedRequest signed = RequestSigner.sign(signatureVersion, Endpoints.host(base), call.action(),
                ApiCall.ECS_VERSION, call.params(), creds, clock.instant(), nonces.get());
        HttpPost post = new HttpPost(base.resolve(signed.pathAndQuery()));
        signed.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                post.setHeader(name, value);
            }
        });
        post.setHeader("User-Agent", userAgent);
        if (!signed.body().isEmpty()) {
            post.setEntity(new StringEntity(signed.body(), ContentType.APPLICATION_FORM_URLENCODED));
        }
        String endpoint = base.toString();
        return http.execute(post, response -> new RawResponse(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8),
                endpoint, signed.stringToSign()));
    }

    @Override
    public String endpoint(String region) {
        return endpoints.forRegion(region).toString();
    }

    @Override
    public void credentialsRejected() {
        credentials.invalidate();
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException ignored) {
            // closing at exit: nothing left to do with the error
        }
    }
}
