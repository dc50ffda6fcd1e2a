package dev.ecsimage.transport;

import dev.ecsimage.output.Sentence;
import dev.ecsimage.auth.Credentials;
import dev.ecsimage.auth.CredentialsProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The wire: one httpclient5 client per process, every attempt signed afresh with a new nonce and
 * timestamp. It neither retries nor redirects; {@code EcsClient} decides what to do with an answer.
 *
 * <p>Every attempt is bounded as a whole ({@link AttemptTimer}): connecting (TCP, proxy tunnel,
 * TLS) within the connect timeout, the whole answer within the read timeout, and no longer than
 * the caller's time left. An answer longer than {@link #MAX_ANSWER_BYTES} is not read. A request
 * that is given up is aborted, its connection closed, never drained. Proxies come from the
 * environment ({@link EnvironmentProxySelector}), with Basic credentials sent to the proxy up
 * front. What the user must fix (a proxy's 407, an untrusted certificate) is a
 * {@link ConnectionConfigException}, not retried.
 */
public final class HttpTransport implements Transport {
    /** The service's answers are a few KiB (a page of 100 images some 200 KiB); longer ones are not read. */
    public static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;


    private final CloseableHttpClient http;
    private final Endpoints endpoints;
    private final CredentialsProvider credentials;
    private final SignatureVersion signatureVersion;
    private final Clock clock;
    private final Supplier<String> nonces;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final EnvironmentProxySelector proxies;

    public record Settings(Duration connectTimeout, Duration readTimeout, SignatureVersion signatureVersion,
                           String userAgent) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(30), SignatureVersion.v3, "ecs-image");
        }
    }

    public HttpTransport(Endpoints endpoints, CredentialsProvider credentials, Settings settings,
                         Map<String, String> env, Clock clock, Supplier<String> nonces) {
        this(endpoints, credentials, settings, env, clock, nonces, new LazyTlsStrategy());
    }

    /** @param tls how to make TLS connections: tests trust their own certificate authority with it */
    HttpTransport(Endpoints endpoints, CredentialsProvider credentials, Settings settings,
                  Map<String, String> env, Clock clock, Supplier<String> nonces, TlsSocketStrategy tls) {
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.signatureVersion = settings.signatureVersion();
        this.clock = clock;
        this.nonces = nonces;
        this.userAgent = settings.userAgent();
        this.connectTimeout = settings.connectTimeout();
        this.readTimeout = settings.readTimeout();
        this.proxies = new EnvironmentProxySelector(env, ProxySelector.getDefault());
        Timeout connect = Timeout.ofMilliseconds(connectTimeout.toMillis());
        Timeout read = Timeout.ofMilliseconds(readTimeout.toMillis());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(tls)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
                .setRoutePlanner(new SystemDefaultRoutePlanner(proxies))
                .addExecInterceptorAfter(ChainElement.CONNECT.name(), "ecs-image-connected", HttpTransport::connected)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                // also spares the client's default, read from its jar's version.properties at build()
                .setUserAgent(userAgent)
                .build();
    }

    public static Supplier<String> randomNonces() {
        return RandomIds::uuid;
    }

    @Override
    public RawResponse send(ApiCall call) throws IOException {
        return send(call, null);
    }

    @Override
    public RawResponse send(ApiCall call, Duration timeLeft) throws IOException {
        URI base = endpoints.forRegion(call.region());
        ProxyUrl proxy = proxies.proxyFor(base);
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
        if (timeLeft != null && timeLeft.compareTo(connectTimeout) < 0) {
            post.setConfig(shorterConnect(timeLeft));
        }
        String endpoint = base.toString();
        HttpClientContext context = HttpClientContext.create();
        if (proxy != null && proxy.hasCredentials()) {
            context.setAuthCache(proxy.preemptiveCredentials());
        }
        AttemptTimer timer = AttemptTimer.start(post, connectTimeout, readTimeout, timeLeft);
        context.setAttribute(AttemptTimer.CONTEXT_ATTRIBUTE, timer);
        CloseableHttpResponse response = null;
        try {
            response = http.execute(post, context);
            int status = response.getCode();
            if (status == 407) {
                throw ProxyUrl.refused(base, proxy);
            }
            return new RawResponse(status, body(response.getEntity(), status, endpoint), endpoint, signed.stringToSign());
        } catch (IOException | RuntimeException e) {
            post.cancel(); // closes the connection: an unread rest of the answer is never drained
            IOException cut = cutShort(timer.passed());
            if (cut != null) {
                throw cut;
            }
            if (e instanceof IOException io) {
                String tls = NetworkErrors.permanentTlsProblem(io);
                if (tls != null) {
                    throw tlsFailure(base, tls);
                }
                throw io;
            }
            throw (RuntimeException) e;
        } finally {
            timer.stop();
            if (response != null) {
                try {
                    response.close();
                } catch (IOException ignored) {
                    // the answer is read or the attempt failed already; the connection is not reused
                }
            }
        }
    }

    /** The body, read to its end (so the connection can serve the next call) unless it is too long. */
    private static String body(HttpEntity entity, int status, String endpoint) throws IOException {
        if (entity == null) {
            return "";
        }
        if (entity.getContentLength() > MAX_ANSWER_BYTES) {
            throw tooLarge(status, endpoint);
        }
        InputStream in = entity.getContent(); // not closed on failure: closing would drain the rest
        byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw tooLarge(status, endpoint);
        }
        in.close();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static AnswerTooLargeException tooLarge(int status, String endpoint) {
        return new AnswerTooLargeException(status, "the answer from " + endpoint + " (HTTP " + status
                + ") is longer than " + (MAX_ANSWER_BYTES >> 20) + " MiB; not read");
    }

    private IOException cutShort(AttemptTimer.Bound passed) {
        if (passed == null) {
            return null;
        }
        return switch (passed) {
            case CALL -> new CallDeadlineException("time limit reached");
            case CONNECT -> new AttemptTimeoutException("connect timed out (no connection within "
                    + seconds(connectTimeout) + ")");
            case ANSWER -> new AttemptTimeoutException("Read timed out (answer not complete after "
                    + seconds(readTimeout) + ")");
        };
    }

    /** {@code 3s}, {@code 0.5s}, {@code 1.25s}. */
    static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
    }

    @SuppressWarnings("deprecation") // the per-request connect timeout is deprecated, but still the one that bounds this connect
    private RequestConfig shorterConnect(Duration timeLeft) {
        return RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(readTimeout.toMillis()))
                .setConnectTimeout(Timeout.ofMilliseconds(Math.max(1, timeLeft.toMillis())))
                .build();
    }

    /** @param problem what is wrong, in the words of {@link NetworkErrors#permanentTlsProblem} */
    private static ConnectionConfigException tlsFailure(URI base, String problem) {
        String hint = problem.startsWith("certificate does not match") ? "hint.tls.wrong-host"
                : problem.startsWith("certificate") ? "hint.tls.untrusted" : "hint.tls.not-tls";
        return new ConnectionConfigException(new Sentence("tls.failed", Endpoints.host(base), problem),
                new Sentence(hint));
    }

    /** After the connection (and any tunnel and TLS) is ready: the answer's own bound starts. */
    private static ClassicHttpResponse connected(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        if (scope.clientContext.getAttribute(AttemptTimer.CONTEXT_ATTRIBUTE) instanceof AttemptTimer timer) {
            timer.connected();
        }
        return chain.proceed(request, scope);
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
