package dev.ecsimage.sandbox;

import dev.ecsimage.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsimage.auth.Credentials;
import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.Endpoints;
import dev.ecsimage.transport.HttpTransport;
import dev.ecsimage.transport.PercentEncoding;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.RequestSigner;
import dev.ecsimage.transport.RpcV1Signer;
import dev.ecsimage.transport.SignatureVersion;
import dev.ecsimage.transport.SignedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxServerTest {
    static final Credentials KEYS = Credentials.of(SandboxKeys.ACCESS_KEY_ID, SandboxKeys.ACCESS_KEY_SECRET, null, "test");
    static final Map<String, String> DESCRIBE = Map.of("RegionId", "cn-hangzhou", "ImageId", Seed.DEMO_IMAGE_ID);
    static final Map<String, String> COPY = Map.of("RegionId", "cn-hangzhou", "ImageId", Seed.DEMO_IMAGE_ID,
            "DestinationRegionId", "cn-shanghai", "ClientToken", "token-1");

    final ManualClock clock = new ManualClock(Instant.parse("2026-01-10T10:00:00Z"));
    final SimulatedEcs ecs = new SimulatedEcs(clock, 10);
    final List<Duration> sleeps = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final List<AutoCloseable> open = new ArrayList<>();
    SandboxServer server;

    SandboxServer start(Faults faults) throws IOException {
        server = SandboxServer.start(ecs, 0, faults, clock, sleeps::add, line -> {
            synchronized (log) {
                log.add(line);
            }
        });
        open.add(server);
        return server;
    }

    HttpTransport transport(SignatureVersion version, Credentials credentials, java.time.Clock signingClock,
                            java.util.function.Supplier<String> nonces) {
        HttpTransport transport = new HttpTransport(Endpoints.fixed(server.url()), () -> credentials,
                new HttpTransport.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), version, "test"), Map.of(),
                signingClock, nonces);
        open.add(transport);
        return transport;
    }

    HttpTransport transport(SignatureVersion version) {
        return transport(version, KEYS, clock, HttpTransport.randomNonces());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static JsonNode json(RawResponse raw) throws IOException {
        return new ObjectMapper().readTree(raw.body());
    }

    static void assertError(RawResponse raw, int status, String code) throws IOException {
        assertEquals(code, json(raw).path("Code").asText(), raw.body());
        assertEquals(status, raw.status(), raw.body());
    }

    @Test
    void bothSignatureVersionsAreAcceptedAndAnsweredInJson() throws Exception {
        start(Faults.NONE);
        for (SignatureVersion version : SignatureVersion.values()) {
            RawResponse raw = transport(version).send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE));
            assertEquals(200, raw.status(), raw.body());
            assertEquals("web-app-v1", json(raw).get("Images").get("Image").get(0).get("ImageName").asText());
        }
        assertEquals(2, ecs.calls("DescribeImages"));
    }

    @Test
    void copyImageOverHttpCreatesOneCopy() throws Exception {
        start(Faults.NONE);
        RawResponse raw = transport(SignatureVersion.v3).send(new ApiCall("cn-hangzhou", "CopyImage", COPY));
        assertEquals(200, raw.status(), raw.body());
        assertTrue(json(raw).get("ImageId").asText().matches("m-uf6[a-z0-9]{17}"), raw.body());
        assertEquals(1, ecs.copiesCreated());
        assertEquals(List.of("CopyImage: HTTP 200"), log);
    }

    @Test
    void aWrongSecretIsRefusedWithTheServersStringToSign() throws Exception {
        start(Faults.NONE);
        Credentials wrong = Credentials.of(SandboxKeys.ACCESS_KEY_ID, "not-the-secret", null, "test");
        for (SignatureVersion version : SignatureVersion.values()) {
            RawResponse raw = transport(version, wrong, clock, HttpTransport.randomNonces())
                    .send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE));
            assertError(raw, 400, "SignatureDoesNotMatch");
            assertEquals("Specified signature does not match our calculation. server string to sign is:"
                    + raw.stringToSign(), json(raw).get("Message").asText());
        }
        assertEquals(0, ecs.calls("DescribeImages"));
    }

    @Test
    void anUnknownAccessKeyIsNotFound() throws Exception {
        start(Faults.NONE);
        RawResponse raw = transport(SignatureVersion.v3, Credentials.of("LTAI5tSomebodyElse000000", "x", null, "t"),
                clock, HttpTransport.randomNonces()).send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE));
        assertError(raw, 404, "InvalidAccessKeyId.NotFound");
    }

    @Test
    void stsKeysNeedTheirSecurityToken() throws Exception {
        start(Faults.NONE);
        for (SignatureVersion version : SignatureVersion.values()) {
            assertEquals(200, sts(version, SandboxKeys.STS_SECURITY_TOKEN).status());
            assertError(sts(version, "CAISsomethingElse"), 400, "InvalidSecurityToken.Malformed");
            assertError(sts(version, null), 400, "InvalidSecurityToken.MismatchWithAccessKey");
        }
        RawResponse tokenWithLongLivedKey = transport(SignatureVersion.v3, Credentials.of(SandboxKeys.ACCESS_KEY_ID,
                SandboxKeys.ACCESS_KEY_SECRET, SandboxKeys.STS_SECURITY_TOKEN, "t"), clock, HttpTransport.randomNonces())
                .send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE));
        assertError(tokenWithLongLivedKey, 400, "InvalidSecurityToken.MismatchWithAccessKey");
    }

    private RawResponse sts(SignatureVersion version, String token) throws IOException {
        Credentials creds = Credentials.of(SandboxKeys.STS_ACCESS_KEY_ID, SandboxKeys.STS_ACCESS_KEY_SECRET, token, "t");
        return transport(version, creds, clock, HttpTransport.randomNonces())
                .send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE));
    }

    @Test
    void aNonceIsAcceptedOnce() throws Exception {
        start(Faults.NONE);
        for (SignatureVersion version : SignatureVersion.values()) {
            HttpTransport sameNonce = transport(version, KEYS, clock, () -> "nonce-" + version);
            assertEquals(200, sameNonce.send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE)).status());
            assertError(sameNonce.send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE)), 400, "SignatureNonceUsed");
        }
        assertEquals(2, ecs.calls("DescribeImages"));
    }

    @Test
    void timestampsMoreThanFifteenMinutesOffAreExpired() throws Exception {
        start(Faults.NONE);
        for (SignatureVersion version : SignatureVersion.values()) {
            ManualClock late = new ManualClock(clock.instant().minus(Duration.ofMinutes(15)).minusSeconds(1));
            assertError(transport(version, KEYS, late, HttpTransport.randomNonces())
                    .send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE)), 400, "InvalidTimeStamp.Expired");
            ManualClock early = new ManualClock(clock.instant().plus(Duration.ofMinutes(15)));
            assertEquals(200, transport(version, KEYS, early, HttpTransport.randomNonces())
                    .send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE)).status());
        }
    }

    @Test
    void unknownActionsAreRejected() throws Exception {
        start(Faults.NONE);
        assertError(transport(SignatureVersion.v3).send(new ApiCall("cn-hangzhou", "DeleteImage", DESCRIBE)), 404,
                "InvalidAction.NotFound");
    }

    HttpResponse<String> raw(HttpRequest.Builder request) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A V1 GET, signed by hand, with the given Format (null: none). */
    HttpRequest.Builder v1Get(String action, Map<String, String> params, String format) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("Action", action);
        all.put("Version", ApiCall.ECS_VERSION);
        if (format != null) {
            all.put("Format", format);
        }
        all.put("AccessKeyId", SandboxKeys.ACCESS_KEY_ID);
        all.put("SignatureMethod", "HMAC-SHA1");
        all.put("SignatureVersion", "1.0");
        all.put("SignatureNonce", java.util.UUID.randomUUID().toString());
        all.put("Timestamp", RequestSigner.TIMESTAMP.format(clock.instant()));
        String query = RpcV1Signer.canonicalizedQuery(all);
        String signature = RpcV1Signer.signature(SandboxKeys.ACCESS_KEY_SECRET, RpcV1Signer.stringToSign("GET", query));
        return HttpRequest.newBuilder(server.url().resolve("/?" + query + "&Signature=" + PercentEncoding.encode(signature)));
    }

    @Test
    void v1RequestsGetXmlUnlessTheyAskForJson() throws Exception {
        start(Faults.NONE);
        HttpResponse<String> xml = raw(v1Get("DescribeImages", DESCRIBE, "XML"));
        assertEquals(200, xml.statusCode(), xml.body());
        assertTrue(xml.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeImagesResponse><RequestId>"),
                xml.body());
        assertTrue(xml.body().contains("<RegionId>cn-hangzhou</RegionId><TotalCount>1</TotalCount><PageNumber>1"
                + "</PageNumber><PageSize>10</PageSize><Images><Image><ImageId>" + Seed.DEMO_IMAGE_ID + "</ImageId>"),
                xml.body());
        assertTrue(xml.body().contains("<DiskDeviceMappings><DiskDeviceMapping><Device>/dev/xvda</Device>"), xml.body());
        assertEquals("text/xml;charset=utf-8", xml.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> noFormat = raw(v1Get("DescribeImages", Map.of("RegionId", "cn-nowhere"), null));
        assertEquals(404, noFormat.statusCode());
        assertTrue(noFormat.body().matches("<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?><Error><RequestId>[0-9A-F-]{36}"
                + "</RequestId><HostId>ecs.aliyuncs.com</HostId><Code>InvalidRegionId.NotFound</Code>.*</Error>"),
                noFormat.body());
        HttpResponse<String> json = raw(v1Get("DescribeImages", DESCRIBE, "JSON"));
        assertEquals(200, json.statusCode());
        assertEquals(1, new ObjectMapper().readTree(json.body()).get("TotalCount").asInt());
    }

    @Test
    void regionsAndSharingAreServedWithTheSameSignatureChecks() throws Exception {
        start(Faults.NONE);
        for (SignatureVersion version : SignatureVersion.values()) {
            RawResponse regions = transport(version).send(new ApiCall("cn-hangzhou", "DescribeRegions",
                    Map.of("AcceptLanguage", "zh-CN")));
            assertEquals(200, regions.status(), regions.body());
            assertEquals("华北1（青岛）", json(regions).get("Regions").get("Region").get(0).get("LocalName").asText());
            String account = "100000000000000" + (version.ordinal() + 1);
            RawResponse shared = transport(version).send(new ApiCall("cn-hangzhou", "ModifyImageSharePermission",
                    Map.of("RegionId", "cn-hangzhou", "ImageId", Seed.DEMO_IMAGE_ID, "AddAccount.1", account)));
            assertEquals(200, shared.status(), shared.body());
            RawResponse listed = transport(version).send(new ApiCall("cn-hangzhou", "DescribeImageSharePermission",
                    Map.of("RegionId", "cn-hangzhou", "ImageId", Seed.DEMO_IMAGE_ID)));
            assertEquals(200, listed.status(), listed.body());
            JsonNode accounts = json(listed).get("Accounts").get("Account");
            assertEquals(account, accounts.get(accounts.size() - 1).get("AliyunId").asText());
            RawResponse refused = transport(version).send(new ApiCall("cn-hangzhou", "ModifyImageSharePermission",
                    Map.of("RegionId", "cn-hangzhou", "ImageId", Seed.DEMO_IMAGE_ID, "AddAccount.1", Seed.ACCOUNT_ID)));
            assertError(refused, 404, "InvalidAccount.Forbbiden");
        }
        Credentials wrong = Credentials.of(SandboxKeys.ACCESS_KEY_ID, "not-the-secret", null, "test");
        for (SignatureVersion version : SignatureVersion.values()) {
            assertError(transport(version, wrong, clock, HttpTransport.randomNonces()).send(new ApiCall("cn-hangzhou",
                    "ModifyImageSharePermission", Map.of("RegionId", "cn-hangzhou", "ImageId", Seed.DEMO_IMAGE_ID,
                            "AddAccount.1", "1000000000000003"))), 400, "SignatureDoesNotMatch");
        }
        assertEquals(4, ecs.calls("ModifyImageSharePermission"), "the badly signed calls never reached the simulator");
        assertEquals(List.of("1000000000000001", "1000000000000002"),
                ecs.image(Seed.DEMO_IMAGE_ID).orElseThrow().sharedWith());
        assertEquals(2, ecs.calls("DescribeRegions"));
    }

    @Test
    void describeRegionsInXmlKeepsTheChineseNames() throws Exception {
        start(Faults.NONE);
        HttpResponse<String> xml = raw(v1Get("DescribeRegions", Map.of(), null));
        assertEquals(200, xml.statusCode(), xml.body());
        assertTrue(xml.body().contains("<Regions><Region><RegionId>cn-qingdao</RegionId><LocalName>华北1（青岛）</LocalName>"
                + "<RegionEndpoint>ecs.cn-qingdao.aliyuncs.com</RegionEndpoint><Status>available</Status></Region>"),
                xml.body());
    }

    @Test
    void unsignedOrPartlySignedRequestsAreIncomplete() throws Exception {
        start(Faults.NONE);
        HttpResponse<String> unsigned = raw(HttpRequest.newBuilder(server.url().resolve(
                "/?Action=DescribeImages&RegionId=cn-hangzhou&Format=JSON")));
        assertEquals(400, unsigned.statusCode());
        assertTrue(unsigned.body().contains("\"Code\":\"IncompleteSignature\""), unsigned.body());

        SignedRequest signed = RequestSigner.sign(SignatureVersion.v3, "127.0.0.1:" + server.port(), "DescribeImages",
                ApiCall.ECS_VERSION, DESCRIBE, KEYS, clock.instant(), "n-1");
        HttpResponse<String> extraHeader = raw(v3(signed, signed.pathAndQuery()).header("x-acs-extra", "1"));
        assertEquals(400, extraHeader.statusCode());
        assertTrue(extraHeader.body().contains("\"Code\":\"IncompleteSignature\""), extraHeader.body());
        assertTrue(extraHeader.body().contains("x-acs-extra"), extraHeader.body());
    }

    @Test
    void aRequestChangedAfterSigningDoesNotMatch() throws Exception {
        start(Faults.NONE);
        SignedRequest signed = RequestSigner.sign(SignatureVersion.v3, "127.0.0.1:" + server.port(), "CopyImage",
                ApiCall.ECS_VERSION, COPY, KEYS, clock.instant(), "n-2");
        HttpResponse<String> tampered = raw(v3(signed, signed.pathAndQuery().replace("cn-shanghai", "cn-beijing")));
        assertEquals(400, tampered.statusCode());
        assertTrue(tampered.body().contains("\"Code\":\"SignatureDoesNotMatch\""), tampered.body());
        HttpResponse<String> intact = raw(v3(signed, signed.pathAndQuery()));
        assertEquals(200, intact.statusCode(), intact.body());
        assertEquals(1, ecs.copiesCreated());
    }

    private HttpRequest.Builder v3(SignedRequest signed, String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.url().resolve(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody());
        signed.headers().forEach(b::header);
        return b;
    }

    @Test
    void throttlingAndServerErrorsHitTheFirstRequestsInSequence() throws Exception {
        start(new Faults(Faults.Fault.NEVER, new Faults.Fault(2, 0), new Faults.Fault(1, 0), Faults.Fault.NEVER,
                Duration.ZERO, null));
        HttpTransport t = transport(SignatureVersion.v3);
        ApiCall describe = new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE);
        assertError(t.send(describe), 400, "Throttling.User");
        assertError(t.send(describe), 400, "Throttling.User");
        assertError(t.send(describe), 503, "ServiceUnavailable");
        assertEquals(200, t.send(describe).status());
        assertEquals(1, ecs.calls("DescribeImages"));
        assertEquals(4, server.requestsReceived());
    }

    @Test
    void aDropBeforeActingLeavesNothingDone() throws Exception {
        start(new Faults(new Faults.Fault(1, 0), Faults.Fault.NEVER, Faults.Fault.NEVER, Faults.Fault.NEVER,
                Duration.ZERO, null));
        HttpTransport t = transport(SignatureVersion.v3);
        assertThrows(IOException.class, () -> t.send(new ApiCall("cn-hangzhou", "CopyImage", COPY)));
        assertEquals(0, ecs.calls("CopyImage"));
        assertEquals(0, ecs.copiesCreated());
        assertEquals(200, t.send(new ApiCall("cn-hangzhou", "CopyImage", COPY)).status());
        assertEquals(1, ecs.copiesCreated());
        assertEquals(List.of("CopyImage: connection dropped before acting (fault)", "CopyImage: HTTP 200"), log);
    }

    @Test
    void aDropAfterActingHasCreatedTheCopyAndTheSameTokenFindsIt() throws Exception {
        start(new Faults(Faults.Fault.NEVER, Faults.Fault.NEVER, Faults.Fault.NEVER, new Faults.Fault(1, 0),
                Duration.ZERO, "CopyImage"));
        HttpTransport t = transport(SignatureVersion.v3);
        assertEquals(200, t.send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE)).status(),
                "faults only for CopyImage");
        assertThrows(IOException.class, () -> t.send(new ApiCall("cn-hangzhou", "CopyImage", COPY)));
        assertEquals(1, ecs.copiesCreated());
        RawResponse retry = t.send(new ApiCall("cn-hangzhou", "CopyImage", COPY));
        assertEquals(200, retry.status(), retry.body());
        assertEquals(1, ecs.copiesCreated(), "the retry with the same ClientToken made no second copy");
        assertEquals(2, ecs.calls("CopyImage"));
        RawResponse listed = t.send(new ApiCall("cn-shanghai", "DescribeImages",
                Map.of("RegionId", "cn-shanghai", "Status", "ALL", "ImageId", json(retry).get("ImageId").asText())));
        assertEquals(1, json(listed).get("TotalCount").asInt());
    }

    @Test
    void ratesFireAtRandomAndDelaysWaitBeforeEachMatchingRequest() throws Exception {
        start(new Faults(Faults.Fault.NEVER, new Faults.Fault(0, 1.0), Faults.Fault.NEVER, Faults.Fault.NEVER,
                Duration.ofMillis(1500), "CancelCopyImage"));
        HttpTransport t = transport(SignatureVersion.v1);
        for (int i = 0; i < 3; i++) {
            assertError(t.send(new ApiCall("cn-shanghai", "CancelCopyImage",
                    Map.of("RegionId", "cn-shanghai", "ImageId", "m-uf6s26lrwbqcab69m64p"))), 400, "Throttling.User");
        }
        assertEquals(200, t.send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE)).status());
        assertEquals(List.of(Duration.ofMillis(1500), Duration.ofMillis(1500), Duration.ofMillis(1500)), sleeps);
        assertEquals(0, ecs.calls("CancelCopyImage"));
    }

    @Test
    void requestsAreServedConcurrently() throws Exception {
        start(Faults.NONE);
        AtomicInteger ok = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpTransport t = transport(SignatureVersion.v3);
            threads.add(startThread(() -> {
                try {
                    if (t.send(new ApiCall("cn-hangzhou", "DescribeImages", DESCRIBE)).status() == 200) {
                        ok.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(4, ok.get());
    }

    private static Thread startThread(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }
}
