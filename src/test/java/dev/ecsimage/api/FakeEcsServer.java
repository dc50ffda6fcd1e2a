package dev.ecsimage.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny ECS on 127.0.0.1, port 0: CopyImage (one image per new ClientToken, the same ImageId for a
 * repeated one), DescribeImages (paged) and CancelCopyImage. It checks every request's signature
 * with {@link IndependentSignatureVerifier}, records what it saw, and plays queued {@link Fault}s,
 * one per request, before behaving normally.
 */
final class FakeEcsServer implements AutoCloseable {
    /** What the next request gets instead of (or on top of) a normal answer. */
    enum Fault {
        THROTTLE, UNAVAILABLE_503, RESET_BEFORE_ACTING, RESET_AFTER_ACTING, SLOW, GARBAGE, FORBIDDEN
    }

    /** One request as the server saw it. */
    record Seen(String action, String signatureVersion, String nonce, String timestamp, boolean signatureValid,
                Map<String, String> params) {
    }

    static final long SLOW_MILLIS = 2000;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final IndependentSignatureVerifier verifier;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Seen> seen = new ArrayList<>();
    /** ClientToken -> ImageId. */
    private final Map<String, String> copiesByToken = new LinkedHashMap<>();
    /** ImageId -> destination region, of the images that exist. */
    private final Map<String, String> images = new LinkedHashMap<>();
    private int requestIds;

    FakeEcsServer(String accessKeyId, String secret) throws IOException {
        verifier = new IndependentSignatureVerifier(accessKeyId, secret);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void inject(Fault... next) {
        faults.addAll(List.of(next));
    }

    synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    synchronized int copies() {
        return copiesByToken.size();
    }

    synchronized boolean exists(String imageId) {
        return images.containsKey(imageId);
    }

    synchronized void addImage(String imageId, String region) {
        images.put(imageId, region);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            boolean v3 = headers.containsKey("authorization");
            Map<String, String> params;
            IndependentSignatureVerifier.Verdict verdict;
            String action;
            String nonce;
            String timestamp;
            if (v3) {
                params = IndependentSignatureVerifier.decodeParams(exchange.getRequestURI().getRawQuery());
                verdict = verifier.verifyV3(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), headers, body);
                action = headers.get("x-acs-action");
                nonce = headers.get("x-acs-signature-nonce");
                timestamp = headers.get("x-acs-date");
            } else {
                params = IndependentSignatureVerifier.decodeParams(new String(body, StandardCharsets.UTF_8));
                boolean form = "application/x-www-form-urlencoded".equals(
                        headers.getOrDefault("content-type", "").replaceAll(";.*", ""));
                verdict = form ? verifier.verifyV1(exchange.getRequestMethod(), params)
                        : new IndependentSignatureVerifier.Verdict(false, "", "not a form body");
                action = params.get("Action");
                nonce = params.get("SignatureNonce");
                timestamp = params.get("Timestamp");
            }
            Fault fault;
            String requestId;
            synchronized (this) {
                seen.add(new Seen(action, v3 ? "v3" : "v1", nonce, timestamp, verdict.valid(), params));
                fault = faults.poll();
                requestId = "req-" + ++requestIds;
            }
            if (!verdict.valid()) {
                respond(exchange, 400, error(requestId, "SignatureDoesNotMatch",
                        "Specified signature is not matched with our calculation. server string to sign is:"
                                + verdict.serverStringToSign()));
                return;
            }
            if (fault == Fault.RESET_BEFORE_ACTING) {
                return; // closing without a response drops the connection
            }
            if (fault == Fault.THROTTLE) {
                respond(exchange, 400, error(requestId, "Throttling.User", "Request was denied due to user flow control."));
                return;
            }
            if (fault == Fault.UNAVAILABLE_503) {
                respond(exchange, 503, error(requestId, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."));
                return;
            }
            if (fault == Fault.FORBIDDEN) {
                respond(exchange, 403, error(requestId, "Forbidden.RAM", "User not authorized to operate on the specified resource."));
                return;
            }
            if (fault == Fault.GARBAGE) {
                respond(exchange, 200, "<html><body>proxy says hi</body></html>");
                return;
            }
            if (fault == Fault.SLOW) {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Answer answer = act(action, params, requestId);
            if (fault == Fault.RESET_AFTER_ACTING) {
                return;
            }
            respond(exchange, answer.status(), answer.body());
        } catch (Exception e) {
            // a fault of the fake itself, or a client that went away: the exchange is closed
        }
    }

    private record Answer(int status, String body) {
    }

    private synchronized Answer act(String action, Map<String, String> p, String requestId) {
        switch (action) {
            case "CopyImage": {
                if ("true".equals(p.get("DryRun"))) {
                    return new Answer(400, error(requestId, "DryRunOperation", "Request validation has been passed."));
                }
                String imageId = copiesByToken.computeIfAbsent(p.get("ClientToken"),
                        token -> "m-copy-" + (copiesByToken.size() + 1));
                images.put(imageId, p.get("DestinationRegionId"));
                return new Answer(200, "{\"RequestId\":\"" + requestId + "\",\"ImageId\":\"" + imageId + "\"}");
            }
            case "CancelCopyImage": {
                if (images.remove(p.get("ImageId")) == null) {
                    return new Answer(404, error(requestId, "InvalidImageId.NotFound", "The specified ImageId does not exist."));
                }
                return new Answer(200, "{\"RequestId\":\"" + requestId + "\"}");
            }
            case "DescribeImages": {
                List<String> ids = images.entrySet().stream()
                        .filter(e -> e.getValue().equals(p.get("RegionId"))).map(Map.Entry::getKey).toList();
                int size = Integer.parseInt(p.get("PageSize"));
                int from = Math.min(ids.size(), (Integer.parseInt(p.get("PageNumber")) - 1) * size);
                StringBuilder json = new StringBuilder("{\"RequestId\":\"" + requestId + "\",\"TotalCount\":"
                        + ids.size() + ",\"PageSize\":" + size + ",\"Images\":{\"Image\":[");
                for (String id : ids.subList(from, Math.min(ids.size(), from + size))) {
                    json.append(id.equals(ids.get(from)) ? "" : ",").append("{\"ImageId\":\"").append(id)
                            .append("\",\"Status\":\"Creating\",\"Progress\":\"47%\",\"Unknown\":1}");
                }
                return new Answer(200, json.append("]}}").toString());
            }
            default:
                return new Answer(400, error(requestId, "InvalidAction.NotFound", "no such action"));
        }
    }

    private static String error(String requestId, String code, String message) {
        return "{\"RequestId\":\"" + requestId + "\",\"HostId\":\"fake\",\"Code\":\"" + code + "\",\"Message\":\""
                + message.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"")
                + "\",\"Recommend\":\"https://api.aliyun.com/troubleshoot?q=" + code + "\"}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
