package dev.ecsimage.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextWidthTest {
    @Test
    void eastAsianWideAndFullwidthCharactersTakeTwoColumns() {
        assertEquals(3, TextWidth.of("abc"));
        assertEquals(8, TextWidth.of("中文镜像"));
        assertEquals(4, TextWidth.of("可用"));
        assertEquals(8, TextWidth.of("イメージ"));
        assertEquals(2, TextWidth.of("Ａ"), "fullwidth A");
        assertEquals(4, TextWidth.of("한글"));
        assertEquals(2, TextWidth.of("\uD83D\uDE00"), "an emoji outside the BMP");
        assertEquals(2, TextWidth.of("\u3000"), "the ideographic space");
    }

    @Test
    void combiningMarksAndControlsTakeNone() {
        assertEquals(1, TextWidth.of("e\u0301"));
        assertEquals(0, TextWidth.of("\u200B"), "zero-width space");
        assertEquals(0, TextWidth.of("\033"));
        assertEquals(9, TextWidth.of("\033[33mAvailable\033[0m"), "colours take no room");
        assertEquals(1, TextWidth.of("…"), "ambiguous width counts as one");
    }

    @Test
    void padFillsToColumnsNotCharacters() {
        assertEquals("中文  ", TextWidth.pad("中文", 6));
        assertEquals("ab    ", TextWidth.pad("ab", 6));
        assertEquals("abcdefg", TextWidth.pad("abcdefg", 6));
    }

    @Test
    void cutKeepsTheStartAndNeverSplitsAWideCharacter() {
        assertEquals("abc", TextWidth.cut("abc", 3));
        assertEquals("ab..", TextWidth.cut("abcdef", 4));
        assertEquals("中..", TextWidth.cut("中文镜像", 5));
        assertEquals("中文..", TextWidth.cut("中文镜像", 6));
        assertEquals("..", TextWidth.cut("abcdef", 2));
        assertEquals(".", TextWidth.cut("abcdef", 1));
        assertEquals("", TextWidth.cut("abcdef", 0));
    }
}
