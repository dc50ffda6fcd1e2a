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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The ECS operations ecs-image needs, as typed calls. Every call is retried here, by one
 * policy: transient failures (throttling, 5xx, network, unreadable answers) are tried again with
 * backoff; anything else is thrown at once as an {@link EcsException}. CopyImage is safe to retry
 * because it always carries a ClientToken. An expired security token
 * ({@code InvalidSecurityToken.Expired}) has the credentials renewed and the call tried once more.
 * A failure to get credentials (thrown by the transport as an {@link EcsException}) is treated
 * like any other failure: retried when transient.
 */
public final class EcsClient implements AutoCloseable {
    private static final int PAGE_SIZE = 100;
    /** ModifyImageSharePermission reads AddAccount.1 to .10 and ignores the rest. */
    static final int SHARE_BATCH = 10;
    static final int MAX_SHARE_PAGES = 10;
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

    /** {@link #describeImages(String, List, String, String, String)} without ImageOwnerAlias. */
    public List<Image> describeImages(String region, List<String> imageIds, String statuses, String imageName)
            throws InterruptedException {
        return describeImages(region, imageIds, statuses, imageName, null);
    }

    /**
     * Images of one region, every page. {@code statuses} null means the service's default
     * (Available only); pass {@link Image#ALL_STATUSES} to see copies in progress. {@code imageIds}
     * null means every image; an empty list means none (no request is made). {@code imageName} is
     * a fuzzy match: {@code release-10} finds {@code release-10-old} too. {@code ownerAlias} null
     * means the service's default, which includes other accounts' images shared with this one and
     * public ones: pass {@link Image#OWNED_BY_SELF} for the account's own images only.
     */
    public List<Image> describeImages(String region, List<String> imageIds, String statuses, String imageName,
                                      String ownerAlias) throws InterruptedException {
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
            params.put("ImageOwnerAlias", ownerAlias);
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
     * The regions the account may use, with their names in {@code acceptLanguage} ({@code zh-CN},
     * {@code en-US} or {@code ja}; null for the service's default, zh-CN). Called in {@code region}.
     */
    public List<EcsRegion> describeRegions(String region, String acceptLanguage) throws InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("RegionId", region);
        params.put("AcceptLanguage", acceptLanguage);
        return ResponseParser.regions(invoke(new ApiCall(region, "DescribeRegions", params), Set.of()));
    }

    /**
     * Shares an image with accounts: one call per {@value #SHARE_BATCH} accounts, because the service
     * reads only AddAccount.1 to AddAccount.10 of a call and ignores the rest. Repeated ids are sent
     * once; no accounts means no call. Sharing again with an account that has the image is no
     * error, so the calls are safe to retry; when a later call fails, the earlier ones stay done.
     *
     * @return the RequestId of each call, in order
     */
    public List<String> modifyImageSharePermission(String region, String imageId, List<String> addAccounts)
            throws InterruptedException {
        for (String account : addAccounts) {
            if (account == null || account.isBlank()) {
                throw new IllegalArgumentException("an account id to share with is empty");
            }
        }
        List<String> accounts = List.copyOf(new LinkedHashSet<>(addAccounts));
        List<String> requestIds = new ArrayList<>();
        for (int from = 0; from < accounts.size(); from += SHARE_BATCH) {
            List<String> batch = accounts.subList(from, Math.min(from + SHARE_BATCH, accounts.size()));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("RegionId", region);
            params.put("ImageId", imageId);
            for (int i = 0; i < batch.size(); i++) {
                params.put("AddAccount." + (i + 1), batch.get(i));
            }
            JsonNode answer = invoke(new ApiCall(region, "ModifyImageSharePermission", params), Set.of());
            requestIds.add(ResponseParser.text(answer, "RequestId"));
        }
        return requestIds;
    }

    /**
     * Every account an image is shared with, over all pages, each once. Paging stops at a page
     * shorter than its PageSize, at a page that adds no account not seen before, or when
     * TotalCount is reached; after {@value #MAX_SHARE_PAGES} full pages the answers cannot be
     * right (an image is shared with at most 50 accounts unless raised by a ticket) and an
     * {@link EcsException} says so instead of returning a partial list.
     */
    public List<SharedAccount> describeImageSharePermission(String region, String imageId)
            throws InterruptedException {
        Map<String, SharedAccount> all = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_SHARE_PAGES; page++) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("RegionId", region);
            params.put("ImageId", imageId);
            params.put("PageNumber", Integer.toString(page));
            params.put("PageSize", Integer.toString(PAGE_SIZE));
            JsonNode answer = invoke(new ApiCall(region, "DescribeImageSharePermission", params), Set.of());
            List<SharedAccount> accounts = ResponseParser.sharedAccounts(answer);
            int before = all.size();
            accounts.forEach(a -> all.putIfAbsent(a.aliyunId(), a));
            Long pageSize = ResponseParser.number(answer, "PageSize");
            Long total = ResponseParser.number(answer, "TotalCount");
            if (accounts.size() < (pageSize == null || pageSize < 1 ? PAGE_SIZE : pageSize) || all.size() == before
                    || (total != null && all.size() >= total)) {
                return List.copyOf(all.values());
            }
        }
        throw EcsException.badResponse(200, "DescribeImageSharePermission of " + imageId + " in " + region
                + " still listed new accounts after " + MAX_SHARE_PAGES + " pages of " + PAGE_SIZE + "; stopped");
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
