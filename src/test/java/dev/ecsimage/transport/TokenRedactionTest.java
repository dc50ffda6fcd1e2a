package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** STS tokens vanish from strings to sign of both versions; the rest stays readable. */
class TokenRedactionTest {
    @Test
    void v1StringToSign() {
        assertEquals("POST&%2F&AccessKeyId%3Dak%26SecurityToken%3D<redacted>%26SignatureMethod%3DHMAC-SHA1",
                TokenRedaction.redact("POST&%2F&AccessKeyId%3Dak%26SecurityToken%3DCAIS%252Fab%252B%253D%26"
                        + "SignatureMethod%3DHMAC-SHA1"));
    }

    @Test
    void v1StringToSignEndingWithTheToken() {
        assertEquals("POST&%2F&SecurityToken%3D<redacted>", TokenRedaction.redact("POST&%2F&SecurityToken%3Dabc"));
    }

    @Test
    void canonicalQuery() {
        assertEquals("AccessKeyId=ak&SecurityToken=<redacted>&Version=1",
                TokenRedaction.redact("AccessKeyId=ak&SecurityToken=CAIS%2Fx&Version=1"));
    }

    @Test
    void v3CanonicalRequestWithRealOrEscapedNewlines() {
        assertEquals("x-acs-date:d\nx-acs-security-token:<redacted>\nx-acs-version:v",
                TokenRedaction.redact("x-acs-date:d\nx-acs-security-token:CAIS/x+y=\nx-acs-version:v"));
        assertEquals("x-acs-security-token:<redacted>\\nx-acs-version:v",
                TokenRedaction.redact("x-acs-security-token:tok\\nx-acs-version:v"));
    }

    @Test
    void textWithoutTokenIsUnchanged() {
        assertEquals("ACS3-HMAC-SHA256\nabc", TokenRedaction.redact("ACS3-HMAC-SHA256\nabc"));
        assertNull(TokenRedaction.redact(null));
    }
}
