package dev.ecsimage.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalSizeTest {
    @Test
    void sttyAnswersRowsThenColumns() {
        assertEquals(new TerminalSize(80, 24), TerminalSize.parseStty("24 80\n"));
        assertEquals(new TerminalSize(132, 43), TerminalSize.parseStty("43 132"));
    }

    @Test
    void anUnreadableAnswerMeansTheDefaultSize() {
        assertEquals(TerminalSize.DEFAULT, TerminalSize.parseStty(""));
        assertEquals(TerminalSize.DEFAULT, TerminalSize.parseStty("0 0"));
        assertEquals(TerminalSize.DEFAULT, TerminalSize.parseStty("stty: 'standard input': Inappropriate ioctl"));
    }

    @Test
    void columnsAndLinesFromTheEnvironmentWinAndNeverChange() {
        TerminalSize.Source source = TerminalSize.source(Map.of("COLUMNS", "100", "LINES", "30"));

        assertEquals(new TerminalSize(100, 30), source.size().get());
        assertFalse(source.followsResizes());
    }

    @Test
    void withoutThemTheTerminalIsAskedAndFollowed() {
        assertTrue(TerminalSize.source(Map.of()).followsResizes());
        assertTrue(TerminalSize.source(Map.of("COLUMNS", "100", "LINES", "x")).followsResizes());
    }
}
