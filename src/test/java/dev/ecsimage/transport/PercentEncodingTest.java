package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ECS-API-NOTES section 1's percentEncode: the official vector and the characters that differ from form encoding. */
class PercentEncodingTest {
    @Test
    void officialVector() {
        assertEquals("123abc%21%40%23%24%25%5E%26%2A%28%29-%3D_%2B%20~%7C%5C%2F",
                PercentEncoding.encode("123abc!@#$%^&*()-=_+ ~|\\/"));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiterString = " => ", value = {
            "'a b' => a%20b",
            "* => %2A",
            "~ => ~",
            "+ => %2B",
            "/ => %2F",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~ => "
                    + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~",
            "中文 => %E4%B8%AD%E6%96%87",
            "café => caf%C3%A9",
            "\uD83D\uDE00 => %F0%9F%98%80",
    })
    void encodes(String raw, String encoded) {
        assertEquals(encoded, PercentEncoding.encode(raw));
    }

    @Test
    void emptyStaysEmpty() {
        assertEquals("", PercentEncoding.encode(""));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiterString = " => ", value = {
            "p%40ss%3Aw%C3%B6rd => p@ss:wörd",
            "a+b => a+b",
            "%F0%9F%98%80x😀 => 😀x😀",
            "plain => plain",
    })
    void decodeIsTheInverseForProxyCredentials(String encoded, String decoded) {
        assertEquals(decoded, PercentEncoding.decode(encoded));
    }

    @Test
    void decodeRefusesABrokenSequence() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decode("a%2"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decode("a%zz"));
    }
}
