package dev.ecsimage.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ecsimage.transport.AnswerTooLargeException;
import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.CallDeadlineException;
import dev.ecsimage.transport.ControlCharacters;
import dev.ecsimage.transport.HttpTransport;
import dev.ecsimage.transport.NetworkErrors;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.transport.Sleeper;
import dev.ecsimage.transport.TokenRedaction;
import dev.ecsimage.transport.Transport;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * like any other failure: retried when transient. What the user must fix (a transport's
 * configuration error: proxy, TLS) is thrown as it comes, never retried.
 *
 * <p>A client may have a deadline ({@link #withDeadline}): after it no attempt starts, a backoff
 * wait ends at it, and an attempt in flight is aborted at it; the call then throws
 * {@link DeadlineReachedException}. A retry listener ({@link #withRetryListener}) hears of every
 * retry before its wait. Both give a new client that shares this one's transport.
 */
public final class EcsClient implements AutoCloseable {
    /** ModifyImageSharePermission reads AddAccount.1 to .10 and ignores the rest. */
    public static final int SHARE_BATCH = 10;
    static final int MAX_SHARE_PAGES = 10;
    /** DescribeImages without an ImageId filter reads at most this many pages: 10,000 images. */
    static final int MAX_IMAGE_PAGES = 100;
    /** The service's answer to a security token that has expired: renew it and try once more. */
    private static final String EXPIRED_TOKEN = "InvalidSecurityToken.Expired";

    /** Checks a successful answer before it is used; throws an {@link EcsException} (retried when transient). */
    @FunctionalInterface
    private interface AnswerCheck {
        void check(RawResponse raw, JsonNode answer);
    }

    private static final AnswerCheck ANY_ANSWER = (raw, answer) -> { };

    private final Transport transport;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Consumer<String> verbose;
    private final Consumer<Retry> retries;
    private final Clock clock;
    private final Instant deadline;

    /** @param verbose receives one line per attempt (never a secret), or null for silence */
    public EcsClient(Transport transport, RetryPolicy retry, Sleeper sleeper, Consumer<String> verbose) {
        this(transport, retry, sleeper, verbose == null ? line -> { } : verbose, r -> { }, null, null);
    }

    private EcsClient(Transport transport, RetryPolicy retry, Sleeper sleeper, Consumer<String> verbose,
                      Consumer<Retry> retries, Clock clock, Instant deadline) {
        this.transport = transport;
        this.retry = retry;
        this.sleeper = sleeper;
        this.verbose = verbose;
        this.retries = retries;
        this.clock = clock;
        this.deadline = deadline;
    }

    /**
     * This client with a deadline for every call, read on {@code clock} (the sleeper should move
     * the same time); it replaces any deadline this client has. A call that cannot finish by then
     * throws {@link DeadlineReachedException}: at once if the deadline has passed before an
     * attempt, at the deadline if a backoff wait would reach past it (the wait is cut to it), or
     * within moments of it if an attempt is in flight (the attempt is aborted).
     *
     * @param deadline null for none
     */
    public EcsClient withDeadline(Instant deadline, Clock clock) {
        return new EcsClient(transport, retry, sleeper, verbose, retries, clock, deadline);
    }

    /** {@link #withDeadline} at {@code limit} from now: a short bound for one call or a few. */
    public EcsClient withTimeLimit(Duration limit, Clock clock) {
        return withDeadline(clock.instant().plus(limit), clock);
    }

    /**
     * This client, telling {@code listener} of every retry before its backoff wait (not of the
     * immediate retry after an expired security token is renewed: that is routine, and logged
     * with verbose); {@link Retry#line()} is the line to print.
     */
    public EcsClient withRetryListener(Consumer<Retry> listener) {
        return new EcsClient(transport, retry, sleeper, verbose, listener == null ? r -> { } : listener, clock, deadline);
    }

    /**
     * Called in the SOURCE region. The ClientToken is required: it makes retries safe. An answer
     * without a usable ImageId is unreadable: retried (with the same ClientToken), then an
     * {@link EcsException#BAD_RESPONSE}; never a success.
     */
    public CopyImageResult copyImage(CopyImageRequest request) throws InterruptedException {
        if (request.clientToken() == null || request.clientToken().isEmpty()) {
            throw new IllegalArgumentException("CopyImage needs a ClientToken");
        }
        try {
            JsonNode answer = invoke(new ApiCall(request.regionId(), "CopyImage", request.toParams()), Set.of(),
                    EcsClient::requireImageId);
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

    private static void requireImageId(RawResponse raw, JsonNode answer) {
        JsonNode id = answer.get("ImageId");
        if (id == null || !id.isTextual() || id.asText().isBlank() || ControlCharacters.contains(id.asText())) {
            throw EcsException.badResponse(raw.status(), "unexpected answer from " + raw.endpoint() + ": HTTP "
                    + raw.status() + " without a valid ImageId, " + ResponseParser.preview(raw.body()),
                    ResponseParser.text(answer, "RequestId"));
        }
    }

    /**
     * Images of one region, every page. {@code statuses} null means the service's default
     * (Available only); pass {@link Image#ALL_STATUSES} to see copies in progress. {@code imageIds}
     * null means every image; an empty list means none (no request is made). {@code imageName} is
     * a fuzzy match: {@code release-10} finds {@code release-10-old} too. {@code ownerAlias} null
     * means the service's default, which includes other accounts' images shared with this one and
     * public ones: pass {@link Image#OWNED_BY_SELF} for the account's own images only. With ids, at most
     * one page per 100 ids is read (no more can match); without, at most
     * {@value #MAX_IMAGE_PAGES} pages, and a listing that has not ended by then is an
     * {@link EcsException#BAD_RESPONSE}. Images without an ImageId are left out.
     */
    public List<Image> describeImages(String region, List<String> imageIds, String statuses, String imageName,
                                      String ownerAlias) throws InterruptedException {
        if (imageIds != null && imageIds.isEmpty()) {
            return List.of(); // an empty ImageId filter would not be sent, and every image would match
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("RegionId", region);
        params.put("ImageId", imageIds == null ? null : String.join(",", imageIds));
        params.put("Status", statuses);
        params.put("ImageName", imageName);
        params.put("ImageOwnerAlias", ownerAlias);
        int maxPages = imageIds == null ? MAX_IMAGE_PAGES
                : (imageIds.size() + PagedListing.PAGE_SIZE - 1) / PagedListing.PAGE_SIZE;
        PagedListing.Result<Image> listing = PagedListing.read(new ApiCall(region, "DescribeImages", params), maxPages,
                call -> invoke(call, Set.of(), ANY_ANSWER), answer -> ResponseParser.images(region, answer),
                Image::imageId);
        if (!listing.complete() && imageIds == null) {
            throw EcsException.badResponse(0, "DescribeImages in " + region + ": the listing did not end after "
                    + MAX_IMAGE_PAGES + " pages of " + PagedListing.PAGE_SIZE + " images; the answers look wrong");
        }
        return listing.items();
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
        JsonNode answer = invoke(new ApiCall(region, "CancelCopyImage", params), Set.of("InvalidImageId.NotFound"),
                ANY_ANSWER);
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
        return ResponseParser.regions(invoke(new ApiCall(region, "DescribeRegions", params), Set.of(), ANY_ANSWER));
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
            JsonNode answer = invoke(new ApiCall(region, "ModifyImageSharePermission", params), Set.of(), ANY_ANSWER);
            requestIds.add(ResponseParser.text(answer, "RequestId"));
        }
        return requestIds;
    }

    /**
     * Every account an image is shared with, over all pages, each once (paging bounded as in
     * {@link PagedListing}). After {@value #MAX_SHARE_PAGES} full pages the answers cannot be right
     * (an image is shared with at most 50 accounts unless raised by a ticket), and an
     * {@link EcsException} says so instead of returning a partial list.
     */
    public List<SharedAccount> describeImageSharePermission(String region, String imageId)
            throws InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("RegionId", region);
        params.put("ImageId", imageId);
        PagedListing.Result<SharedAccount> listing = PagedListing.read(
                new ApiCall(region, "DescribeImageSharePermission", params), MAX_SHARE_PAGES,
                call -> invoke(call, Set.of(), ANY_ANSWER), ResponseParser::sharedAccounts, SharedAccount::aliyunId);
        if (!listing.complete()) {
            throw EcsException.badResponse(200, "DescribeImageSharePermission of " + imageId + " in " + region
                    + " still listed new accounts after " + MAX_SHARE_PAGES + " pages of " + PagedListing.PAGE_SIZE
                    + "; stopped");
        }
        return List.copyOf(listing.items());
    }

    /**
     * @param doneAfterLostAnswer codes that, heard after an attempt whose answer was lost, mean
     *                            that attempt succeeded
     */
    private JsonNode invoke(ApiCall call, Set<String> doneAfterLostAnswer, AnswerCheck check)
            throws InterruptedException {
        boolean answerLost = false;
        boolean tokenRenewed = false;
        EcsException failure = null;
        String reason = null;
        for (int attempt = 1; ; attempt++) {
            Duration left = timeLeft();
            if (left != null && !positive(left)) {
                throw deadlineReached(call, "time limit reached " + (attempt == 1 ? "before the first attempt"
                        : after(attempt - 1, reason)), failure);
            }
            long start = System.nanoTime();
            try {
                RawResponse raw = transport.send(call, left);
                try {
                    JsonNode answer = ResponseParser.parse(raw);
                    check.check(raw, answer);
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
                    reason = reason(e);
                }
            } catch (CallDeadlineException e) {
                logAttempt(call, transport.endpoint(call.region()), attempt, 0, "aborted: time limit reached", start);
                throw deadlineReached(call, "time limit reached during attempt " + attempt, failure);
            } catch (AnswerTooLargeException e) {
                logAttempt(call, transport.endpoint(call.region()), attempt, e.httpStatus(), e.getMessage(), start);
                failure = EcsException.badResponse(e.httpStatus(), e.getMessage());
                reason = "answer longer than " + (HttpTransport.MAX_ANSWER_BYTES >> 20) + " MiB";
            } catch (IOException e) {
                reason = NetworkErrors.describe(e);
                String detail = NetworkErrors.detail(e);
                logAttempt(call, transport.endpoint(call.region()), attempt, 0,
                        reason + (detail.isEmpty() || detail.equals(reason) ? "" : " (" + detail + ")"), start);
                failure = EcsException.network(call.action() + " in " + call.region() + " failed: " + reason, e);
            } catch (EcsException e) {
                logAttempt(call, transport.endpoint(call.region()), attempt, 0, "credentials: " + e.code(), start);
                failure = e;
                reason = "could not get credentials: " + e.getMessage();
            } catch (RuntimeException e) {
                String detail = NetworkErrors.detail(e);
                logAttempt(call, transport.endpoint(call.region()), attempt, 0,
                        "stopped: " + (detail.isEmpty() ? "internal error" : detail), start);
                throw e; // a configuration problem (proxy, TLS): retrying cannot help
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
            Duration delay = retry.backoff(attempt);
            Duration leftNow = timeLeft();
            if (leftNow != null && leftNow.compareTo(delay) <= 0) {
                if (positive(leftNow)) {
                    sleeper.sleep(leftNow);
                }
                throw deadlineReached(call, "time limit reached " + after(attempt, reason), failure);
            }
            retries.accept(new Retry(call.action(), call.region(), reason, attempt + 1, retry.maxAttempts(), delay));
            sleeper.sleep(delay);
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /** Null without a deadline. */
    private Duration timeLeft() {
        return deadline == null ? null : Duration.between(clock.instant(), deadline);
    }

    private DeadlineReachedException deadlineReached(ApiCall call, String what, EcsException last) {
        return new DeadlineReachedException(call.action() + " in " + call.region() + ": " + what, last);
    }

    private static String after(int attempts, String lastReason) {
        return "after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " (last: " + lastReason + ")";
    }

    /** Why a service answer failed, in a few words, for the retry line. */
    private static String reason(EcsException e) {
        if (EcsException.BAD_RESPONSE.equals(e.code())) {
            return "unreadable answer (HTTP " + e.httpStatus() + ")";
        }
        return e.code() + (e.httpStatus() >= 500 ? " (HTTP " + e.httpStatus() + ")" : "");
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
