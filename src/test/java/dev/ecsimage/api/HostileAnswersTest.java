package dev.ecsimage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecsimage.transport.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers that parse but lie or are incomplete: a listing that never ends, a CopyImage without
 * an ImageId, control characters meant for the terminal. Each is bounded, retried or refused,
 * never a crash, a hang or a false success.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the bounds some of these would run (nearly) forever
class HostileAnswersTest {
    private final List<Duration> sleeps = new ArrayList<>();
    private final ScriptedTransport transport = new ScriptedTransport();

    private EcsClient client(int maxAttempts) {
        return new EcsClient(transport, new RetryPolicy(maxAttempts, Duration.ofMillis(200), Duration.ofSeconds(20),
                () -> 0.5), sleeps::add, null);
    }

    /** A page of DescribeImages: ids {@code m-<from>} to {@code m-<from+count-1>}. */
    private static String page(int from, int count, String totalCount, String pageSize) {
        return "{\"RequestId\":\"r\"," + (totalCount == null ? "" : "\"TotalCount\":" + totalCount + ",")
                + (pageSize == null ? "" : "\"PageSize\":" + pageSize + ",") + "\"Images\":{\"Image\":["
                + IntStream.range(from, from + count).mapToObj(i -> "{\"ImageId\":\"m-" + i + "\",\"Status\":\"Available\"}")
                .collect(Collectors.joining(",")) + "]}}";
    }

    private List<String> pageNumbers() {
        return transport.calls().stream().map(c -> c.params().get("PageNumber")).toList();
    }

    @Test
    void aListingThatIgnoresPageNumberEndsWhenAPageAddsNothingNew() throws Exception {
        transport.otherwise(call -> page(0, 100, "1000000000", null));

        List<Image> images = client(5).describeImages("cn-shanghai", null, Image.ALL_STATUSES, null);

        assertEquals(100, images.size());
        assertEquals(List.of("1", "2"), pageNumbers());
    }

    @Test
    void aListingThatNeverEndsStopsAfter100PagesAndSaysSo() {
        AtomicInteger served = new AtomicInteger();
        transport.otherwise(call -> page(served.getAndAdd(100), 100, "1000000000", null));

        EcsException e = assertThrows(EcsException.class,
                () -> client(5).describeImages("cn-shanghai", null, Image.ALL_STATUSES, null));

        assertEquals(100, transport.calls().size());
        assertEquals(EcsException.BAD_RESPONSE, e.code());
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
        assertEquals("DescribeImages in cn-shanghai: the listing did not end after 100 pages of 100 images; "
                + "the answers look wrong", e.getMessage());
    }

    @Test
    void withAnImageIdFilterAtMostOnePagePerHundredIdsIsRead() throws Exception {
        AtomicInteger served = new AtomicInteger();
        transport.otherwise(call -> page(served.getAndAdd(100), 100, "1000000000", null));

        List<Image> three = client(5).describeImages("cn-shanghai", List.of("m-1", "m-2", "m-3"), null, null);
        assertEquals(1, transport.calls().size());
        assertEquals(100, three.size());

        List<String> ids = IntStream.range(0, 250).mapToObj(i -> "x-" + i).toList();
        client(5).describeImages("cn-shanghai", ids, null, null);
        assertEquals(List.of("1", "1", "2", "3"), pageNumbers());
    }

    @Test
    void aShortPageIsTheLastEvenWithoutTotalCount() throws Exception {
        transport.answer(200, page(0, 100, null, null)).answer(200, page(100, 5, null, null));

        assertEquals(105, client(5).describeImages("cn-shanghai", null, null, null).size());
        assertEquals(List.of("1", "2"), pageNumbers());
        assertEquals("100", transport.calls().get(0).params().get("PageSize"));
    }

    @Test
    void aSmallerPageSizeServedIsHonoured() throws Exception {
        transport.answer(200, page(0, 10, "25", "10")).answer(200, page(10, 10, "25", "10"))
                .answer(200, page(20, 5, "25", "10"));

        assertEquals(25, client(5).describeImages("cn-shanghai", null, null, null).size());
        assertEquals(List.of("1", "2", "3"), pageNumbers());
    }

    @Test
    void imagesRepeatedOrWithoutIdAreKeptOnceOrLeftOut() throws Exception {
        transport.answer(200, "{\"TotalCount\":3,\"Images\":{\"Image\":[{\"ImageId\":\"m-1\",\"Status\":\"Creating\"},"
                + "{\"ImageId\":\"m-1\",\"Status\":\"Available\"},{\"Status\":\"Available\"},\"junk\",7]}}");

        assertEquals(List.of(new Image("cn-shanghai", "m-1", null, "Creating", null, null)),
                client(5).describeImages("cn-shanghai", null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"RequestId\":\"r-1\"}",
            "{\"RequestId\":\"r-1\",\"ImageId\":null}",
            "{\"RequestId\":\"r-1\",\"ImageId\":\"\"}",
            "{\"RequestId\":\"r-1\",\"ImageId\":\" \"}",
            "{\"RequestId\":\"r-1\",\"ImageId\":{\"Id\":\"m-1\"}}",
            "{\"RequestId\":\"r-1\",\"ImageId\":42}",
            "{\"RequestId\":\"r-1\",\"ImageId\":\"m-1\\u001b[2J\"}",
    })
    void aCopyImageAnswerWithoutAUsableImageIdIsRetriedWithTheSameTokenThenUnreadable(String body) {
        transport.otherwise(call -> body);
        CopyImageRequest request = new CopyImageRequest("cn-beijing", "m-source", "cn-shanghai", "name", null,
                false, null, null, List.of(), "token-1", false);

        EcsException e = assertThrows(EcsException.class, () -> client(3).copyImage(request));

        assertEquals(EcsException.BAD_RESPONSE, e.code());
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
        assertEquals(200, e.httpStatus());
        assertEquals("r-1", e.requestId());
        assertEquals("unexpected answer from http://127.0.0.1: HTTP 200 without a valid ImageId, body starts with \""
                + body + "\"", e.getMessage());
        assertEquals(List.of("token-1", "token-1", "token-1"),
                transport.calls().stream().map(c -> c.params().get("ClientToken")).toList());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeps);
    }

    @Test
    void aCopyImageAnswerWithoutImageIdThenAGoodOneSucceeds() throws Exception {
        transport.answer(200, "{\"RequestId\":\"r-1\"}").otherwise(call -> "{\"RequestId\":\"r-2\",\"ImageId\":\"m-copy\"}");
        CopyImageRequest request = new CopyImageRequest("cn-beijing", "m-source", "cn-shanghai", "name", null,
                false, null, null, List.of(), "token-1", false);

        assertEquals(new CopyImageResult("m-copy", "r-2", false), client(3).copyImage(request));
        assertEquals(List.of("token-1", "token-1"), transport.calls().stream().map(c -> c.params().get("ClientToken")).toList());
    }

    @Test
    void controlCharactersInAnErrorAreEscaped() {
        transport.answer(403, "{\"Code\":\"Forbidden.RAM\\u001b[2J\",\"Message\":\"no\\r\\nERROR forged line\\u0007\","
                + "\"RequestId\":\"r\\u001b]0;title\\u0007\\u009b1m\\u007f\",\"Recommend\":\"https://x/\\u001b[31m\"}");

        EcsException e = assertThrows(EcsException.class, () -> client(3).cancelCopyImage("cn-shanghai", "m-1"));

        assertEquals("Forbidden.RAM\\x1b[2J", e.code());
        assertEquals("no\\r\\nERROR forged line\\x07", e.getMessage());
        assertEquals("r\\x1b]0;title\\x07\\x9b1m\\x7f", e.requestId());
        assertEquals("https://x/\\x1b[31m", e.recommend());
        assertEquals(ErrorKind.DENIED, e.kind());
        assertEquals("Forbidden.RAM\\x1b[2J: no\\r\\nERROR forged line\\x07 (HTTP 403, RequestId r\\x1b]0;title\\x07\\x9b1m\\x7f)",
                e.describe());
    }

    @Test
    void controlCharactersInABodyPreviewAreEscaped() {
        transport.otherwise(call -> "\u001b[2J\u001b[H<html>\u0007hi</html>");

        EcsException e = assertThrows(EcsException.class, () -> client(1).cancelCopyImage("cn-shanghai", "m-1"));

        assertEquals("unexpected answer from http://127.0.0.1: HTTP 200, body starts with "
                + "\"\\x1b[2J\\x1b[H<html>\\x07hi</html>\"", e.getMessage());
    }

    @Test
    void controlCharactersInImagesAreEscaped() throws Exception {
        transport.answer(200, "{\"TotalCount\":1,\"Images\":{\"Image\":[{\"ImageId\":\"m-1\\u001b[8m\","
                + "\"ImageName\":\"web\\r\\nok: done\",\"Status\":\"Avail\\u0008able\"}]}}");

        Image image = client(1).describeImages("cn-shanghai", null, null, null).get(0);

        assertEquals(new Image("cn-shanghai", "m-1\\x1b[8m", "web\\r\\nok: done", "Avail\\x08able", null, null), image);
        assertEquals(false, image.isKnownStatus());
    }

    @Test
    void theDryRunStillPassesWithoutAnImageId() throws Exception {
        transport.answer(400, "{\"Code\":\"DryRunOperation\",\"RequestId\":\"r-1\",\"Message\":\"ok\"}");
        CopyImageRequest dry = new CopyImageRequest("cn-beijing", "m-source", "cn-shanghai", "name", null,
                false, null, null, List.of(), "token-1", true);

        CopyImageResult result = client(3).copyImage(dry);

        assertEquals(new CopyImageResult(null, "r-1", true), result);
        assertNull(result.imageId());
        assertEquals(1, transport.calls().size());
    }
}
