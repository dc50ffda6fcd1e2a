package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Server text made safe for a terminal: every C0, DEL and C1 control visible, nothing else touched. */
class ControlCharactersTest {
    @Test
    void everyControlCharacterIsEscapedVisibly() {
        assertEquals("\\x1b[2J\\x1b[Hclear \\x07bell \\r\\nforged\\tline \\x00\\x7f\\x80\\x9b\\x9f",
                ControlCharacters.escape("\u001b[2J\u001b[Hclear \u0007bell \r\nforged\tline \u0000\u007f\u0080\u009b\u009f"));
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "中文 copy*~+/😀 C:\\path {\"a\":1} \u00a0é";
        assertSame(text, ControlCharacters.escape(text));
        assertFalse(ControlCharacters.contains(text));
        assertNull(ControlCharacters.escape(null));
    }

    @Test
    void escapingTwiceChangesNothingMore() {
        String once = ControlCharacters.escape("a\u001bb\nc");
        assertEquals(once, ControlCharacters.escape(once));
        assertTrue(ControlCharacters.contains("a\u001bb"));
    }
}
