package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ECS-API-NOTES section 1's percentEncode: the official vector and the characters that differ from form encoding. */
class PercentEncodingTest {
    @Test
    void officialVector() {
        assertEquals("123abc%21%40%23%24%25%5E%26%2A%28%29-%3D_%2B%20~%7C%5C%2F",
                PercentEncoding.encode("123abc!@#$%^&*()-=_+ ~|\\/"));
    }

    @Test
    void spaceIsPercent20() {
        assertEquals("a%20b", PercentEncoding.encode("a b"));
    }

    @Test
    void starIsEncoded() {
        assertEquals("%2A", PercentEncoding.encode("*"));
    }

    @Test
    void tildeIsKept() {
        assertEquals("~", PercentEncoding.encode("~"));
    }

    @Test
    void plusIsEncoded() {
        assertEquals("%2B", PercentEncoding.encode("+"));
    }

    @Test
    void slashIsEncoded() {
        assertEquals("%2F", PercentEncoding.encode("/"));
    }

    @Test
    void unreservedCharactersStay() {
        String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
        assertEquals(unreserved, PercentEncoding.encode(unreserved));
    }

    @Test
    void nonAsciiIsUtf8UpperCaseHex() {
        assertEquals("%E4%B8%AD%E6%96%87", PercentEncoding.encode("中文"));
        assertEquals("caf%C3%A9", PercentEncoding.encode("café"));
    }

    @Test
    void emojiIsItsFourUtf8Bytes() {
        assertEquals("%F0%9F%98%80", PercentEncoding.encode("\uD83D\uDE00"));
    }

    @Test
    void emptyStaysEmpty() {
        assertEquals("", PercentEncoding.encode(""));
    }
}
