package dev.ecsimage.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsimage.transport.Sleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The simulator as a real HTTP endpoint on 127.0.0.1, for {@code --endpoint http://127.0.0.1:PORT}
 * from any client: requests are verified like the service does ({@link RequestVerifier}), handed
 * to the {@link SimulatedEcs}, and answered in JSON (XML for V1 requests that do not ask for
 * JSON). {@link Faults} are injected on the way.
 */
public final class SandboxServer implements AutoCloseable {
    private static final int THREADS = 4;

    private final HttpServer http;
    private final ExecutorService executor;
    private final SimulatedEcs ecs;
    private final RequestVerifier verifier;
    private final FaultInjector faults;
    private final Faults config;
    private final Sleeper sleeper;
    private final Consumer<String> log;
    private final AtomicInteger received = new AtomicInteger();

    private SandboxServer(HttpServer http, ExecutorService executor, SimulatedEcs ecs, Faults faults, Clock clock,
                          Sleeper sleeper, Consumer<String> log) {
        this.http = http;
        this.executor = executor;
        this.ecs = ecs;
        this.verifier = new RequestVerifier(clock);
        this.faults = new FaultInjector(faults, Math::random);
        this.config = faults;
        this.sleeper = sleeper;
        this.log = log;
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port  0 picks a free port
     * @param clock the server's time, against which request timestamps are checked
     * @param log   receives one line per request (action, status, error code or fault; never a secret)
     */
    public static SandboxServer start(SimulatedEcs ecs, int port, Faults faults, Clock clock, Sleeper sleeper,
                                      Consumer<String> log) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-http");
            thread.setDaemon(true);
            return thread;
        });
        SandboxServer server = new SandboxServer(http, executor, ecs, faults, clock, sleeper, log);
        http.createContext("/", server::serve);
        http.setExecutor(executor);
        http.start();
        return server;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public SimulatedEcs ecs() {
        return ecs;
    }

    /** How many requests arrived, failed and faulted ones included. */
    public int requestsReceived() {
        return received.get();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        received.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        Map<String, String> query = decodeForm(exchange.getRequestURI().getRawQuery());
        Map<String, String> params = new LinkedHashMap<>(query);
        if (headers.getOrDefault("content-type", "").startsWith("application/x-www-form-urlencoded")) {
            params.putAll(decodeForm(body));
        }
        boolean v3 = RequestVerifier.isV3(headers);
        String action = v3 ? headers.get("x-acs-action") : params.get("Action");
        boolean xml = !v3 && !"JSON".equalsIgnoreCase(params.get("Format"));
        String host = headers.getOrDefault("host", "127.0.0.1");
        try {
            if (config.appliesTo(action) && !config.delay().isZero()) {
                sleeper.sleep(config.delay());
            }
            if (faults.fires(FaultInjector.Kind.DROP_BEFORE, action)) {
                drop(exchange, action + ": connection dropped before acting (fault)");
                return;
            }
            if (faults.fires(FaultInjector.Kind.THROTTLE, action)) {
                throw ErrorCode.THROTTLING.error();
            }
            if (faults.fires(FaultInjector.Kind.SERVER_ERROR, action)) {
                throw ErrorCode.SERVICE_UNAVAILABLE.error();
            }
            SignedCall call = verifier.verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    headers, params, query, body);
            ApiAnswer answer = ecs.handle(call.action(), call.params());
            if (faults.fires(FaultInjector.Kind.DROP_AFTER, action)) {
                drop(exchange, action + ": acted (HTTP " + answer.status() + "), then dropped the connection (fault)");
                return;
            }
            respond(exchange, answer, call.action(), xml);
        } catch (ApiError e) {
            respond(exchange, ApiAnswer.error(e, UUID.randomUUID().toString().toUpperCase(Locale.ROOT), host),
                    action, xml);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drop(exchange, action + ": interrupted");
        }
    }

    private void respond(HttpExchange exchange, ApiAnswer answer, String action, boolean xml) throws IOException {
        String code = answer.code();
        log.accept(action + ": HTTP " + answer.status() + (code == null ? "" : " " + code));
        byte[] bytes = (xml ? XmlAnswer.render(code == null ? action + "Response" : "Error", answer.body())
                : answer.json()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", xml ? "text/xml;charset=utf-8" : "application/json;charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Closes the connection without an answer: the client sees it reset or closed. */
    private void drop(HttpExchange exchange, String line) {
        log.accept(line);
        exchange.close();
    }

    static Map<String, String> decodeForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }
}
