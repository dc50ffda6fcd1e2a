package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The official HMAC-SHA1 vectors of ECS-API-NOTES section 1, byte for byte. */
class RpcV1SignerTest {
    private static Map<String, String> common(String action, String format, String nonce, String timestamp,
                                              String version) {
        Map<String, String> p = new TreeMap<>();
        p.put("AccessKeyId", "testid");
        p.put("Action", action);
        p.put("Format", format);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", nonce);
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", timestamp);
        p.put("Version", version);
        return p;
    }

    private static Map<String, String> describeRegions() {
        return common("DescribeRegions", "XML", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "2016-02-23T12:46:24Z",
                "2014-05-26");
    }

    private static Map<String, String> describeDedicatedHosts() {
        Map<String, String> p = common("DescribeDedicatedHosts", "JSON", "edb2b34af0af9a6d14deaf7c1a5315eb",
                "2023-03-13T08:34:30Z", "2014-05-26");
        p.put("RegionId", "cn-beijing");
        return p;
    }

    @Test
    void describeRegionsCanonicalQueryAndStringToSign() {
        String canonical = RpcV1Signer.canonicalizedQuery(describeRegions());
        assertEquals("AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1"
                + "&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0"
                + "&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26", canonical);
        assertEquals("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
                RpcV1Signer.stringToSign("GET", canonical));
    }

    @Test
    void describeRegionsSignature() {
        assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", sign("GET", describeRegions()));
    }

    @Test
    void describeDedicatedHostsSignatureGet() {
        assertEquals("9NaGiOspFP5UPcwX8Iwt2YJXXuk=", sign("GET", describeDedicatedHosts()));
    }

    @Test
    void describeDedicatedHostsSignaturePost() {
        assertEquals("ZvQ9xGiFnquSJRvj+WE6kdSpTwU=", sign("POST", describeDedicatedHosts()));
    }

    @Test
    void createUserSignatureWithAnotherApiVersion() {
        Map<String, String> p = common("CreateUser", "JSON", "3f6b4e80-56f7-11eb-a256-a9f756ea7e85",
                "2021-01-15T06:02:28Z", "2019-08-15");
        p.put("UserPrincipalName", "test@example.onaliyun.com");
        p.put("DisplayName", "test");
        assertEquals("02heLegtw4+BFamznl1Ltj+vJ4A=", sign("GET", p));
    }

    @Test
    void signatureKeyIsSecretWithAmpersand() {
        String stringToSign = "GET&%2F&A%3D1";
        assertEquals(RpcV1Signer.signature("s", stringToSign),
                java.util.Base64.getEncoder().encodeToString(Acs3Signer.hmac("HmacSHA1", "s&", stringToSign)));
    }

    private static String sign(String method, Map<String, String> params) {
        return RpcV1Signer.signature("testsecret",
                RpcV1Signer.stringToSign(method, RpcV1Signer.canonicalizedQuery(params)));
    }
}
