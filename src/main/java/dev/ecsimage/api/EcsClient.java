package dev.ecsimage.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.transport.Sleeper;
import dev.ecsimage.transport.TokenRedaction;
import dev.ecsimage.transport.Transport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The three ECS operations ecs-image needs, as typed calls. Every call is retried here, by one
 * policy: transient failures (throttling, 5xx, network, unreadable answers) are tried again with
 * backoff; anything else is thrown at once as an {@link EcsException}. CopyImage is safe to retry
 * because it always carries a ClientToken. An expired security token
 * ({@code InvalidSecurityToken.Expired}) has the credentials renewed and the call tried once more.
 * A failure to get credentials (thrown by the transport as an {@link EcsException}) is treated
 * like any other failure: retried when transient.
 */
public final class EcsClient implements AutoCloseable {
    private static final int PAGE_SIZE = 100;
    /** The service's answer to a security token that has expired: renew it and try once more. */
    private static final String EXPIRED_TOKEN = "InvalidSecurityToken.Expired";

    private final Transport transport;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Consumer<String> verbose;

    /** @param verbose receives one line per attempt (never a secret), or null for silence */
    public EcsClient(Transport transport, RetryPolicy retry, Sleeper sleeper, Consumer<String> verbose) {
        this.transport = transport;
        this.retry = retry;
        this.sleeper = sleeper;
        this.verbose = verbose == null ? line -> { } : verbose;
    }

    /** Called in the SOURCE region. The ClientToken is required: it makes retries safe. */
    public CopyImageResult copyImage(CopyImageRequest request) throws InterruptedException {
        if (request.clientToken() == null || request.clientToken().isEmpty()) {
            throw new IllegalArgumentException("CopyImage needs a ClientToken");
        }
        try {
            JsonNode answer = invoke(new ApiCall(request.regionId(), "CopyImage", request.toParams()), Set.of());
            return new CopyImageResult(ResponseParser.text(answer, "ImageId"), ResponseParser.text(answer, "RequestId"), false);
        } catch (EcsException e) {
            if (request.dryRun() && "DryRunOperation".equals(e.code())) {
                return new CopyImageResult(null, e.requestId(), true);
            }
            throw e;
        }
    }

    /**
     * Images of one region, every page. {@code statuses} null means the service's default
     * (Available only); pass {@link Image#ALL_STATUSES} to see copies in progress. {@code imageIds}
     * null means every image; an empty list means none (no request is made).
     */
    public List<Image> describeImages(String region, List<String> imageIds, String statuses, String imageName)
            throws InterruptedException {
        if (imageIds != null && imageIds.isEmpty()) {
            return List.of(); // an empty ImageId filter would not be sent, and every image would match
        }
        List<Image> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("RegionId", region);
            params.put("ImageId", imageIds == null ? null : String.join(",", imageIds));
            params.put("Status", statuses);
            params.put("ImageName", imageName);
            params.put("PageNumber", Integer.toString(page));
            params.put("PageSize", Integer.toString(PAGE_SIZE));
            JsonNode answer = invoke(new ApiCall(region, "DescribeImages", params), Set.of());
            List<Image> images = ResponseParser.images(region, answer);
            all.addAll(images);
            Long total = ResponseParser.number(answer, "TotalCount");
            if (images.isEmpty() || total == null || all.size() >= total) {
                return all;
            }
        }
    }

    /**
     * Called in the DESTINATION region with the copy's id. A retry after a lost answer that then
     * hears {@code InvalidImageId.NotFound} means the first attempt did cancel: that counts as done.
     *
     * @return the RequestId of the answer
     */
    public String cancelCopyImage(String region, String imageId) throws InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("RegionId", region);
        params.put("ImageId", imageId);
        JsonNode answer = invoke(new ApiCall(region, "CancelCopyImage", params), Set.of("InvalidImageId.NotFound"));
        return ResponseParser.text(answer, "RequestId");
    }

    /**
     * @param doneAfterLostAnswer codes that, heard after an attempt whose answer was lost, mean
     *                            that attempt succeeded
     */
    private JsonNode invoke(ApiCall call, Set<String> doneAfterLostAnswer) throws InterruptedException {
        boolean answerLost = false;
        boolean tokenRenewed = false;
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            EcsException failure;
            try {
                RawResponse raw = transport.send(call);
                try {
                    JsonNode answer = ResponseParser.parse(raw);
                    logAttempt(call, raw.endpoint(), attempt, raw.status(), "RequestId " + ResponseParser.text(answer, "RequestId"), start);
                    return answer;
                } catch (EcsException e) {
                    logAttempt(call, raw.endpoint(), attempt, raw.status(), e.code() + ", RequestId " + e.requestId(), start);
                    if ("SignatureDoesNotMatch".equals(e.code()) || "IncompleteSignature".equals(e.code())) {
                        verbose.accept("our string to sign:     "
                                + TokenRedaction.redact(raw.stringToSign()).replace("\n", "\\n"));
                        verbose.accept("the service's message: " + e.getMessage());
                    }
                    failure = e;
                }
            } catch (IOException e) {
                logAttempt(call, transport.endpoint(call.region()), attempt, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), start);
                failure = EcsException.network(call.action() + " in " + call.region() + " failed: " + describe(e), e);
            } catch (EcsException e) {
                logAttempt(call, transport.endpoint(call.region()), attempt, 0, "credentials: " + e.code(), start);
                failure = e;
            }
            if (EXPIRED_TOKEN.equals(failure.code()) && !tokenRenewed) {
                tokenRenewed = true;
                transport.credentialsRejected();
                continue;
            }
            if (answerLost && doneAfterLostAnswer.contains(failure.code())) {
                return JsonNodeFactory.instance.objectNode().put("RequestId", failure.requestId());
            }
            if (!failure.isTransient() || attempt >= retry.maxAttempts()) {
                throw failure;
            }
            answerLost |= failure.httpStatus() == 0 || failure.httpStatus() >= 500
                    || EcsException.BAD_RESPONSE.equals(failure.code());
            sleeper.sleep(retry.backoff(attempt));
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private void logAttempt(ApiCall call, String endpoint, int attempt, int status, String detail, long start) {
        verbose.accept(call.action() + " " + endpoint + " attempt " + attempt + ": "
                + (status == 0 ? "no answer" : "HTTP " + status) + ", " + detail + ", "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Override
    public void close() {
        transport.close();
    }
}
