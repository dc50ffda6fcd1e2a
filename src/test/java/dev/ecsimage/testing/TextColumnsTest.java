package dev.ecsimage.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ecsimage.output.TextWidth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The column check itself: it sees Chinese padded by columns as aligned, and padded by String.length() as not. */
class TextColumnsTest {
    private static final List<String> REGIONS = List.of("cn-shanghai 华东2（上海）", "ap-southeast-1 新加坡", "us-east-1");

    @Test
    void fieldsStartAfterTheIndentAndAfterTwoOrMoreSpaces() {
        assertEquals(List.of(2, 14, 24), TextColumns.fieldStarts("  cn-beijing  m-2ze1    Available 100%"));
        assertEquals(List.of(0, 27), TextColumns.fieldStarts("cn-shanghai 华东2（上海）  m-1"));
    }

    @Test
    void linesPaddedByColumnsLineUp() {
        for (String region : REGIONS) {
            assertEquals(28, TextColumns.fieldStart(TextWidth.pad(region, 26) + "  m-1  Available", 1), region);
        }
    }

    @Test
    void linesPaddedByLengthDoNot() {
        int first = TextColumns.fieldStart(String.format("%-26s  m-1", REGIONS.get(0)), 1);
        int second = TextColumns.fieldStart(String.format("%-26s  m-1", REGIONS.get(1)), 1);
        assertNotEquals(first, second);
    }
}
