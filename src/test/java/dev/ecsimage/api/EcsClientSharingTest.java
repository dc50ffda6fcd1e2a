package dev.ecsimage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.sandbox.InProcessTransport;
import dev.ecsimage.sandbox.Seed;
import dev.ecsimage.sandbox.SimulatedEcs;
import dev.ecsimage.testing.ManualClock;
import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.transport.Transport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** DescribeRegions and image sharing through the client: against the in-process sandbox, and paging against scripts. */
class EcsClientSharingTest {
    static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
    static final String MEDIA_ARCHIVE = "m-bp1ht9lgmxg9edn581u3";
    final ManualClock clock = new ManualClock(NOW);
    final SimulatedEcs ecs = new SimulatedEcs(clock, 10);
    final EcsClient client = new EcsClient(new InProcessTransport(ecs), RetryPolicy.standard(3), duration -> { }, null);

    /** Existing account ids, distinct for distinct n. */
    static List<String> accounts(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(n -> String.format("17%014d", n)).toList();
    }

    @Test
    void describeRegionsListsEveryRegionWithItsNameInTheAskedLanguage() throws InterruptedException {
        List<EcsRegion> chinese = client.describeRegions("cn-hangzhou", null);
        assertEquals(Seed.regions().size(), chinese.size());
        assertEquals(new EcsRegion("cn-qingdao", "华北1（青岛）", "ecs.cn-qingdao.aliyuncs.com", "available"), chinese.get(0));
        assertTrue(chinese.contains(new EcsRegion("cn-hangzhou", "华东1（杭州）", "ecs-cn-hangzhou.aliyuncs.com",
                "available")), chinese.toString());
        assertTrue(chinese.contains(new EcsRegion(Seed.SOLD_OUT_REGION, "泰国（曼谷）", "ecs.ap-southeast-7.aliyuncs.com",
                "soldOut")), chinese.toString());
        List<EcsRegion> english = client.describeRegions("cn-hangzhou", "en-US");
        assertEquals(new EcsRegion("cn-qingdao", "China (Qingdao)", "ecs.cn-qingdao.aliyuncs.com", "available"),
                english.get(0));
        EcsException e = assertThrows(EcsException.class, () -> client.describeRegions("cn-hangzhou", "de"));
        assertEquals("InvalidAcceptLanguage.NotFound", e.code());
        assertEquals(404, e.httpStatus());
        assertEquals(3, ecs.calls("DescribeRegions"), "a refused language is not retried");
    }

    @Test
    void elevenAccountsAreSharedInTwoCallsOfAtMostTen() throws InterruptedException {
        List<String> eleven = accounts(0, 11);
        List<String> requestIds = client.modifyImageSharePermission("cn-hangzhou", Seed.DEMO_IMAGE_ID, eleven);
        assertEquals(2, requestIds.size());
        assertTrue(requestIds.stream().allMatch(id -> id.matches("[0-9A-F-]{36}")), requestIds.toString());
        assertEquals(2, ecs.calls("ModifyImageSharePermission"));
        assertEquals(eleven, ecs.image(Seed.DEMO_IMAGE_ID).orElseThrow().sharedWith());

        List<String> ten = accounts(100, 10);
        assertEquals(1, client.modifyImageSharePermission("cn-hangzhou", MEDIA_ARCHIVE, ten).size());
        assertEquals(3, ecs.calls("ModifyImageSharePermission"));
        assertEquals(List.of(), client.modifyImageSharePermission("cn-hangzhou", MEDIA_ARCHIVE, List.of()));
        List<String> repeated = new ArrayList<>(ten);
        repeated.addAll(ten);
        assertEquals(1, client.modifyImageSharePermission("cn-hangzhou", MEDIA_ARCHIVE, repeated).size(),
                "an account named twice is sent once");
        assertEquals(4, ecs.calls("ModifyImageSharePermission"));
        assertThrows(IllegalArgumentException.class,
                () -> client.modifyImageSharePermission("cn-hangzhou", MEDIA_ARCHIVE, List.of("1000000000000001", " ")));
        assertEquals(4, ecs.calls("ModifyImageSharePermission"));
    }

    @Test
    void aBatchBeyondTheQuotaFailsAndTheEarlierBatchesStay() {
        EcsException e = assertThrows(EcsException.class,
                () -> client.modifyImageSharePermission("cn-hangzhou", Seed.DEMO_IMAGE_ID, accounts(0, 60)));
        assertEquals("QuotaExceed.ShareImageUser", e.code());
        assertEquals(403, e.httpStatus());
        assertEquals(ErrorKind.QUOTA, e.kind());
        assertEquals(6, ecs.calls("ModifyImageSharePermission"), "five batches done, the sixth refused, not retried");
        assertEquals(accounts(0, 50), ecs.image(Seed.DEMO_IMAGE_ID).orElseThrow().sharedWith());
    }

    @Test
    void sharingErrorsKeepTheirCodes() {
        EcsException self = assertThrows(EcsException.class, () -> client.modifyImageSharePermission("cn-hangzhou",
                Seed.DEMO_IMAGE_ID, List.of(Seed.ACCOUNT_ID)));
        assertEquals("InvalidAccount.Forbbiden", self.code());
        assertEquals(404, self.httpStatus());
        EcsException unknown = assertThrows(EcsException.class, () -> client.modifyImageSharePermission("cn-hangzhou",
                Seed.DEMO_IMAGE_ID, List.of("1234567890123456")));
        assertEquals("InvalidAccount.NotFound", unknown.code());
        assertEquals(ErrorKind.NOT_FOUND, unknown.kind());
        EcsException serviceKey = assertThrows(EcsException.class, () -> client.modifyImageSharePermission(
                "cn-hangzhou", "m-bp1jk8qae5gq8fmn9klr", List.of("1000000000000001")));
        assertEquals("InvalidOperation.ServiceKeyEncryptedImageUnsupported", serviceKey.code());
        assertEquals(403, serviceKey.httpStatus());
        assertEquals(3, ecs.calls("ModifyImageSharePermission"));
    }

    @Test
    void describeImageSharePermissionReadsTheAccountsWithTheirTimes() throws InterruptedException {
        client.modifyImageSharePermission("cn-hangzhou", Seed.DEMO_IMAGE_ID, accounts(0, 30));
        clock.advanceSeconds(90);
        client.modifyImageSharePermission("cn-hangzhou", Seed.DEMO_IMAGE_ID, accounts(30, 15));
        List<SharedAccount> shared = client.describeImageSharePermission("cn-hangzhou", Seed.DEMO_IMAGE_ID);
        assertEquals(accounts(0, 45), shared.stream().map(SharedAccount::aliyunId).toList());
        assertEquals(new SharedAccount(accounts(0, 1).get(0), NOW), shared.get(0));
        assertEquals(new SharedAccount(accounts(44, 1).get(0), NOW.plusSeconds(90)), shared.get(44));
        assertEquals(1, ecs.calls("DescribeImageSharePermission"), "45 accounts fit one page of 100");
        assertEquals(List.of(), client.describeImageSharePermission("cn-hangzhou", MEDIA_ARCHIVE));
    }

    /** A client of a scripted service: {@code page} gives the answer to PageNumber n; every call is recorded. */
    static EcsClient scripted(IntFunction<String> page, List<Map<String, String>> calls) {
        Transport transport = call -> {
            calls.add(call.params());
            return new RawResponse(200, page.apply(Integer.parseInt(call.params().get("PageNumber"))), "script", "");
        };
        return new EcsClient(transport, RetryPolicy.standard(1), duration -> { }, null);
    }

    /** An answer listing accounts {@code from} to {@code from + count - 1}. */
    static String sharePage(int from, int count, int pageSize, Integer total) {
        String accounts = accounts(from, count).stream()
                .map(id -> "{\"AliyunId\":\"" + id + "\",\"SharedTime\":\"2025-05-01T08:00:00Z\"}")
                .collect(Collectors.joining(","));
        return "{\"RequestId\":\"R\",\"PageSize\":" + pageSize + (total == null ? "" : ",\"TotalCount\":" + total)
                + ",\"Accounts\":{\"Account\":[" + accounts + "]},\"ShareGroups\":{\"ShareGroup\":[]}}";
    }

    @Test
    void sharePagesAreReadUntilAShortPage() throws InterruptedException {
        List<Map<String, String>> calls = new ArrayList<>();
        List<SharedAccount> all = scripted(n -> sharePage((n - 1) * 100, n < 3 ? 100 : 20, 100, null), calls)
                .describeImageSharePermission("cn-shanghai", "m-1");
        assertEquals(accounts(0, 220), all.stream().map(SharedAccount::aliyunId).toList());
        assertEquals(3, calls.size());
        assertEquals(Map.of("RegionId", "cn-shanghai", "ImageId", "m-1", "PageNumber", "3", "PageSize", "100"),
                calls.get(2));
        assertEquals(Instant.parse("2025-05-01T08:00:00Z"), all.get(0).sharedTime());
    }

    @Test
    void aServiceWithSmallerPagesIsReadToTheEnd() throws InterruptedException {
        List<Map<String, String>> calls = new ArrayList<>();
        List<SharedAccount> all = scripted(n -> sharePage((n - 1) * 50, n < 3 ? 50 : 0, 50, null), calls)
                .describeImageSharePermission("cn-shanghai", "m-1");
        assertEquals(100, all.size(), "a page of 50 is full when the service says its pages hold 50");
        assertEquals(3, calls.size());
    }

    @Test
    void pagingStopsAtTheTotalOrWhenAPageAddsNothingNew() throws InterruptedException {
        List<Map<String, String>> calls = new ArrayList<>();
        assertEquals(200, scripted(n -> sharePage((n - 1) * 100, 100, 100, 200), calls)
                .describeImageSharePermission("cn-shanghai", "m-1").size());
        assertEquals(2, calls.size(), "TotalCount reached: no third call");
        calls.clear();
        List<SharedAccount> same = scripted(n -> sharePage(0, 100, 100, null), calls)
                .describeImageSharePermission("cn-shanghai", "m-1");
        assertEquals(accounts(0, 100), same.stream().map(SharedAccount::aliyunId).toList());
        assertEquals(2, calls.size(), "a service that ignores PageNumber: the second page adds nothing");
    }

    @Test
    void endlessNewPagesAreAnErrorNotAPartialList() {
        List<Map<String, String>> calls = new ArrayList<>();
        EcsException e = assertThrows(EcsException.class, () -> scripted(n -> sharePage((n - 1) * 100, 100, 100,
                1_000_000), calls).describeImageSharePermission("cn-shanghai", "m-1"));
        assertEquals(EcsException.BAD_RESPONSE, e.code());
        assertEquals("DescribeImageSharePermission of m-1 in cn-shanghai still listed new accounts after 10 pages of 100; "
                + "stopped", e.getMessage());
        assertEquals(EcsClient.MAX_SHARE_PAGES, calls.size());
    }

    @Test
    void anAccountWithoutATimeHasNone() throws InterruptedException {
        List<Map<String, String>> calls = new ArrayList<>();
        List<SharedAccount> all = scripted(n -> "{\"RequestId\":\"R\",\"TotalCount\":\"3\",\"Accounts\":{\"Account\":["
                + "{\"AliyunId\":\"1000000000000001\"},{\"AliyunId\":\"1000000000000002\",\"SharedTime\":\"soon\"},"
                + "{\"SharedTime\":\"2025-05-01T08:00:00Z\"}]}}", calls).describeImageSharePermission("cn-shanghai", "m-1");
        assertEquals(List.of(new SharedAccount("1000000000000001", null), new SharedAccount("1000000000000002", null)),
                all);
        assertEquals(1, calls.size());
    }
}
