package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The official ACS3-HMAC-SHA256 vector of ECS-API-NOTES section 2, every step. */
class Acs3SignerTest {
    private static final Map<String, String> QUERY = Map.of(
            "RegionId", "cn-shanghai",
            "ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd");

    private static Map<String, String> headers() {
        Map<String, String> h = new TreeMap<>();
        h.put("host", "ecs.cn-shanghai.aliyuncs.com");
        h.put("x-acs-action", "RunInstances");
        h.put("x-acs-version", "2014-05-26");
        h.put("x-acs-date", "2023-10-26T10:22:32Z");
        h.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
        h.put("x-acs-content-sha256", Acs3Signer.EMPTY_PAYLOAD_SHA256);
        return h;
    }

    private static String canonical() {
        return Acs3Signer.canonicalRequest("POST", "/", QUERY, headers(), Acs3Signer.EMPTY_PAYLOAD_SHA256);
    }

    @Test
    void emptyPayloadHash() {
        assertEquals(Acs3Signer.EMPTY_PAYLOAD_SHA256, Acs3Signer.sha256Hex(""));
    }

    @Test
    void canonicalRequest() {
        assertEquals("POST\n/\n"
                + "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n"
                + "host:ecs.cn-shanghai.aliyuncs.com\n"
                + "x-acs-action:RunInstances\n"
                + "x-acs-content-sha256:" + Acs3Signer.EMPTY_PAYLOAD_SHA256 + "\n"
                + "x-acs-date:2023-10-26T10:22:32Z\n"
                + "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n"
                + "x-acs-version:2014-05-26\n"
                + "\n"
                + "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n"
                + Acs3Signer.EMPTY_PAYLOAD_SHA256, canonical());
    }

    @Test
    void hashedCanonicalRequestAndStringToSign() {
        assertEquals("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259",
                Acs3Signer.sha256Hex(canonical()));
        assertEquals("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259",
                Acs3Signer.stringToSign(canonical()));
    }

    @Test
    void signatureAndAuthorization() {
        String signature = Acs3Signer.signature("YourAccessKeySecret", Acs3Signer.stringToSign(canonical()));
        assertEquals("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", signature);
        assertEquals("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
                + "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
                Acs3Signer.authorization("YourAccessKeyId", headers(), signature));
    }

    @Test
    void signedHeadersAreHostContentTypeAndXAcsOnlyLowerCasedAndTrimmed() {
        Map<String, String> h = Map.of("Host", "h", "Content-Type", " application/json ", "X-Acs-Action", "A",
                "User-Agent", "ua", "Authorization", "x");
        assertEquals(Map.of("host", "h", "content-type", "application/json", "x-acs-action", "A"),
                Acs3Signer.signedHeaders(h));
        assertEquals("content-type", Acs3Signer.signedHeaders(h).firstKey());
    }

    @Test
    void canonicalQueryEncodesKeysAndValues() {
        assertEquals("Tag.1.Key=a%20b&Z=%2A~", Acs3Signer.canonicalQuery(Map.of("Z", "*~", "Tag.1.Key", "a b")));
    }
}
