package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ecsimage.auth.Credentials;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole requests from a fixed clock and nonce: the official vectors, STS tokens, empty parameters. */
class RequestSignerTest {
    private static final String SHA_EMPTY = Acs3Signer.EMPTY_PAYLOAD_SHA256;

    @Test
    void v3ReproducesTheOfficialVectorAsAWholeRequest() {
        SignedRequest r = RequestSigner.sign(SignatureVersion.v3, "ecs.cn-shanghai.aliyuncs.com", "RunInstances",
                "2014-05-26", Map.of("RegionId", "cn-shanghai",
                        "ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"),
                Credentials.of("YourAccessKeyId", "YourAccessKeySecret", null, "test"),
                Instant.parse("2023-10-26T10:22:32Z"), "3156853299f313e23d1673dc12e1703d");
        assertEquals("POST", r.method());
        assertEquals("/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
                r.pathAndQuery());
        assertEquals("", r.body());
        assertEquals("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259",
                r.stringToSign());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("x-acs-action", "RunInstances");
        expected.put("x-acs-content-sha256", SHA_EMPTY);
        expected.put("x-acs-date", "2023-10-26T10:22:32Z");
        expected.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
        expected.put("x-acs-version", "2014-05-26");
        expected.put("Authorization", "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
                + "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
        assertEquals(expected, r.headers());
    }

    @Test
    void v1ReproducesTheOfficialPostVectorAsAWholeRequest() {
        SignedRequest r = RequestSigner.sign(SignatureVersion.v1, "ignored", "DescribeDedicatedHosts", "2014-05-26",
                Map.of("RegionId", "cn-beijing"), Credentials.of("testid", "testsecret", null, "test"),
                Instant.parse("2023-03-13T08:34:30Z"), "edb2b34af0af9a6d14deaf7c1a5315eb");
        assertEquals("POST", r.method());
        assertEquals("/", r.pathAndQuery());
        assertEquals(Map.of("Content-Type", "application/x-www-form-urlencoded"), r.headers());
        assertEquals("AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing"
                + "&SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0"
                + "&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26"
                + "&Signature=ZvQ9xGiFnquSJRvj%2BWE6kdSpTwU%3D", r.body());
        assertEquals("POST&%2F&" + PercentEncoding.encode(r.body().substring(0, r.body().indexOf("&Signature="))),
                r.stringToSign());
    }

    @Test
    void v1StsTokenIsASignedSecurityTokenParameter() {
        SignedRequest r = RequestSigner.sign(SignatureVersion.v1, "h", "DescribeImages", "2014-05-26",
                Map.of("RegionId", "cn-beijing"), Credentials.of("ak", "sk", "tok/en+1", "test"),
                Instant.parse("2024-01-02T03:04:05Z"), "n1");
        assertEquals("AccessKeyId=ak&Action=DescribeImages&Format=JSON&RegionId=cn-beijing"
                + "&SecurityToken=tok%2Fen%2B1&SignatureMethod=HMAC-SHA1&SignatureNonce=n1&SignatureVersion=1.0"
                + "&Timestamp=2024-01-02T03%3A04%3A05Z&Version=2014-05-26&Signature="
                + PercentEncoding.encode(RpcV1Signer.signature("sk", r.stringToSign())), r.body());
        assertEquals(r.stringToSign(), "POST&%2F&" + PercentEncoding.encode(
                r.body().substring(0, r.body().indexOf("&Signature="))));
    }

    @Test
    void v3StsTokenIsASignedHeader() {
        SignedRequest r = RequestSigner.sign(SignatureVersion.v3, "ecs.cn-beijing.aliyuncs.com", "DescribeImages",
                "2014-05-26", Map.of("RegionId", "cn-beijing"), Credentials.of("ak", "sk", "tok", "test"),
                Instant.parse("2024-01-02T03:04:05Z"), "n1");
        assertEquals("tok", r.headers().get("x-acs-security-token"));
        String canonical = "POST\n/\nRegionId=cn-beijing\n"
                + "host:ecs.cn-beijing.aliyuncs.com\nx-acs-action:DescribeImages\nx-acs-content-sha256:" + SHA_EMPTY
                + "\nx-acs-date:2024-01-02T03:04:05Z\nx-acs-security-token:tok\nx-acs-signature-nonce:n1"
                + "\nx-acs-version:2014-05-26\n\n"
                + "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;"
                + "x-acs-version\n" + SHA_EMPTY;
        assertEquals("ACS3-HMAC-SHA256\n" + Acs3Signer.sha256Hex(canonical), r.stringToSign());
        assertEquals("ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
                + "x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature="
                + Acs3Signer.signature("sk", r.stringToSign()), r.headers().get("Authorization"));
    }

    @Test
    void withoutTokenNeitherVersionSendsOne() {
        Credentials plain = new Credentials("ak", "sk", "", null, "test");
        SignedRequest v3 = RequestSigner.sign(SignatureVersion.v3, "h", "A", "2014-05-26", Map.of(), plain,
                Instant.EPOCH, "n");
        SignedRequest v1 = RequestSigner.sign(SignatureVersion.v1, "h", "A", "2014-05-26", Map.of(), plain,
                Instant.EPOCH, "n");
        assertFalse(v3.headers().containsKey("x-acs-security-token"));
        assertFalse(v3.headers().get("Authorization").contains("security-token"));
        assertFalse(v1.body().contains("SecurityToken"));
    }

    @Test
    void emptyAndNullParametersAreNotSent() {
        Map<String, String> params = new HashMap<>();
        params.put("RegionId", "cn-beijing");
        params.put("ImageName", "");
        params.put("Status", null);
        Credentials creds = Credentials.of("ak", "sk", null, "test");
        SignedRequest v3 = RequestSigner.sign(SignatureVersion.v3, "h", "DescribeImages", "2014-05-26", params,
                creds, Instant.EPOCH, "n");
        SignedRequest v1 = RequestSigner.sign(SignatureVersion.v1, "h", "DescribeImages", "2014-05-26", params,
                creds, Instant.EPOCH, "n");
        assertEquals("/?RegionId=cn-beijing", v3.pathAndQuery());
        assertFalse(v1.body().contains("ImageName"));
        assertFalse(v1.body().contains("Status"));
        assertEquals(Map.of("RegionId", "cn-beijing"), RequestSigner.nonEmpty(params));
    }

    @Test
    void v3QueryIsPercentEncodedLikeTheCanonicalQuery() {
        SignedRequest r = RequestSigner.sign(SignatureVersion.v3, "h", "CopyImage", "2014-05-26",
                Map.of("DestinationImageName", "中文 a*b~", "Tag.1.Value", "x+y/z"),
                Credentials.of("ak", "sk", null, "test"), Instant.EPOCH, "n");
        assertEquals("/?DestinationImageName=%E4%B8%AD%E6%96%87%20a%2Ab~&Tag.1.Value=x%2By%2Fz", r.pathAndQuery());
    }

    @Test
    void timestampHasNoMillisAndIsUtc() {
        SignedRequest r = RequestSigner.sign(SignatureVersion.v3, "h", "A", "2014-05-26", Map.of(),
                Credentials.of("ak", "sk", null, "test"), Instant.parse("2024-05-06T07:08:09.987Z"), "n");
        assertEquals("2024-05-06T07:08:09Z", r.headers().get("x-acs-date"));
    }

    @Test
    void anotherNonceOrTimeGivesAnotherSignature() {
        Credentials creds = Credentials.of("ak", "sk", null, "test");
        Instant t = Instant.parse("2024-01-02T03:04:05Z");
        String a = RequestSigner.sign(SignatureVersion.v3, "h", "A", "v", Map.of(), creds, t, "n1")
                .headers().get("Authorization");
        String b = RequestSigner.sign(SignatureVersion.v3, "h", "A", "v", Map.of(), creds, t, "n2")
                .headers().get("Authorization");
        String c = RequestSigner.sign(SignatureVersion.v3, "h", "A", "v", Map.of(), creds, t.plusSeconds(1), "n1")
                .headers().get("Authorization");
        assertNotEquals(a, b);
        assertNotEquals(a, c);
    }
}
