package dev.ecsimage.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsimage.transport.ApiCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a paged Describe* call (PageNumber, PageSize, TotalCount) page by page, bounded against
 * answers that ignore PageNumber or overstate TotalCount. It stops at a short page (fewer items
 * than the page size), at a page that adds no item not seen before, once TotalCount items are
 * read, or after {@code maxPages} pages; then the result says whether the listing ended. Items
 * are kept once, by key, in the order first seen; items without a key are dropped.
 */
final class PagedListing {
    /** The largest page DescribeImages and DescribeImageSharePermission serve. */
    static final int PAGE_SIZE = 100;

    /** One attempt-safe call of the API (the client's retry loop), with paging parameters added. */
    @FunctionalInterface
    interface Invoker {
        JsonNode invoke(ApiCall call) throws InterruptedException;
    }

    /** @param complete false when {@code maxPages} were read and the listing had not ended */
    record Result<T>(List<T> items, boolean complete) {
    }

    private PagedListing() {}

    static <T> Result<T> read(ApiCall call, int maxPages, Invoker invoker, Function<JsonNode, List<T>> items,
                              Function<T, String> key) throws InterruptedException {
        Map<String, T> seen = new LinkedHashMap<>();
        for (int page = 1; page <= maxPages; page++) {
            Map<String, String> params = new LinkedHashMap<>(call.params());
            params.put("PageNumber", Integer.toString(page));
            params.put("PageSize", Integer.toString(PAGE_SIZE));
            JsonNode answer = invoker.invoke(new ApiCall(call.region(), call.action(), params));
            List<T> got = items.apply(answer);
            int added = 0;
            for (T item : got) {
                String k = key.apply(item);
                if (k != null && seen.putIfAbsent(k, item) == null) {
                    added++;
                }
            }
            Long total = ResponseParser.number(answer, "TotalCount");
            if (got.size() < pageSize(answer) || added == 0 || (total != null && seen.size() >= total)) {
                return new Result<>(new ArrayList<>(seen.values()), true);
            }
        }
        return new Result<>(new ArrayList<>(seen.values()), false);
    }

    /** The page size the service says it served, when smaller than the one asked for (a full page is that long). */
    private static int pageSize(JsonNode answer) {
        Long served = ResponseParser.number(answer, "PageSize");
        return served != null && served >= 1 && served < PAGE_SIZE ? served.intValue() : PAGE_SIZE;
    }
}
