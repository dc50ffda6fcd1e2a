package dev.ecsimage.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bar lines at fixed terminal sizes, as exact strings: nothing wider than the terminal, nothing taller. */
class BarLayoutTest {
    private static final ImageRow SHANGHAI = new ImageRow("cn-shanghai", "m-uf65yurmiv4rzcr67bnw", null, "Creating", 40, 18L);
    private static final ImageRow SINGAPORE = new ImageRow("ap-southeast-1", "m-t4nf7m5t7ocjea7trid3", null, "Waiting", 0, null);
    private static final Messages EN = Messages.of(Language.en);

    private static List<String> lines(int columns, int rows, ImageRow... images) {
        return BarLayout.lines(List.of(images), new TerminalSize(columns, rows), false, EN);
    }

    @Test
    void atEightyColumnsTheBarTakesTheRoomLeft() {
        assertEquals(List.of(
                "cn-shanghai     m-uf65yurmiv4rzcr67bnw  Creating     [###------]  40%  ETA 18s",
                "ap-southeast-1  m-t4nf7m5t7ocjea7trid3  Waiting      [---------]   0%"),
                lines(80, 24, SHANGHAI, SINGAPORE));
    }

    @Test
    void aWideTerminalGetsTheFullBar() {
        assertEquals(List.of("cn-shanghai  m-uf65yurmiv4rzcr67bnw  Creating     [#########---------------]  40%  ETA 18s"),
                lines(200, 24, SHANGHAI));
    }

    @Test
    void roomForAnEtaIsKeptWhileAnImageIsInProgress() {
        ImageRow waiting = new ImageRow("cn-shanghai", "m-uf65yurmiv4rzcr67bnw", null, "Waiting", 0, null);
        ImageRow done = new ImageRow("cn-shanghai", "m-uf65yurmiv4rzcr67bnw", null, "Available", 100, null);

        assertEquals(List.of("cn-shanghai  m-uf65yurmiv4rzcr67bnw  Waiting      [------------]   0%"),
                lines(80, 24, waiting));
        assertEquals(List.of("cn-shanghai  m-uf65yurmiv4rzcr67bnw  Available    [.......................] 100%"
                .replace('.', '#')), lines(80, 24, done));
    }

    @Test
    void atSixtyColumnsTheBarGoesThenTheIdIsCut() {
        assertEquals(List.of(
                "cn-shanghai     m-uf65yurmiv..  Creating      40%  ETA 18s",
                "ap-southeast-1  m-t4nf7m5t7o..  Waiting        0%"),
                lines(60, 10, SHANGHAI, SINGAPORE));
    }

    @Test
    void atFortyColumnsTheEtaGoesAndTheLineIsCut() {
        assertEquals(List.of("cn-shanghai     m-uf65..  Creating    ..", "ap-southeast-1  m-t4nf..  Waiting     .."),
                lines(40, 10, SHANGHAI, SINGAPORE));
    }

    @Test
    void noLineIsEverWiderThanTheTerminal() {
        for (int columns = 1; columns <= 120; columns++) {
            for (String line : lines(columns, 24, SHANGHAI, SINGAPORE)) {
                assertEquals(true, TextWidth.of(line) <= columns, columns + " columns: '" + line + "'");
            }
        }
    }

    @Test
    void moreImagesThanRowsShowsThoseInProgressAndCountsTheRest() {
        ImageRow done1 = new ImageRow("cn-beijing", "m-2ze1", null, "Available", 100, null);
        ImageRow done2 = new ImageRow("cn-qingdao", "m-m5e1", null, "Available", 100, null);
        ImageRow failed = new ImageRow("cn-huhehaote", "m-hp31", null, "CreateFailed", 60, null);
        ImageRow waiting = new ImageRow("cn-chengdu", "m-2vc1", null, "Waiting", 0, null);

        assertEquals(List.of(
                "cn-shanghai     m-uf65yurmiv4rzcr67bnw  Creating     [###------]  40%  ETA 18s",
                "ap-southeast-1  m-t4nf7m5t7ocjea7trid3  Waiting      [---------]   0%",
                "+4 more: 2 Available, 1 CreateFailed, 1 Waiting"),
                lines(80, 4, done1, SHANGHAI, done2, failed, SINGAPORE, waiting));
    }

    @Test
    void whenAllAreFinalTheFirstOnesAreShown() {
        ImageRow done1 = new ImageRow("cn-beijing", "m-2ze1", null, "Available", 100, null);
        ImageRow done2 = new ImageRow("cn-qingdao", "m-m5e1", null, "Available", 100, null);
        ImageRow done3 = new ImageRow("cn-chengdu", "m-2vc1", null, "Available", 100, null);

        assertEquals(List.of(
                "cn-beijing  m-2ze1  Available    [########################] 100%",
                "+2 more: 2 Available"),
                lines(80, 3, done1, done2, done3));
    }

    @Test
    void wideCharactersArePaddedByColumns() {
        ImageRow chinese = new ImageRow("cn-hangzhou", "m-1", null, "创建中", 50, null);

        List<String> lines = BarLayout.lines(List.of(chinese), new TerminalSize(61, 24), false, EN);

        assertEquals(List.of("cn-hangzhou  m-1  创建中       [######------]  50%"), lines);
        assertEquals(50, TextWidth.of(lines.get(0)));
    }

    @Test
    void aCutLineNeverSplitsAWideCharacter() {
        ImageRow chinese = new ImageRow("cn-hangzhou", "m-1", null, "创建中", 50, null);

        assertEquals(List.of("cn-hangzhou  m-1  创.."),
                BarLayout.lines(List.of(chinese), new TerminalSize(23, 24), false, EN));
    }

    @Test
    void colorsWrapTheStatusOnly() {
        assertEquals(List.of("cn-shanghai  m-uf65yurmiv4rzcr67bnw  \033[33mCreating    \033[0m [####--------]  40%  ETA 18s"),
                BarLayout.lines(List.of(SHANGHAI), new TerminalSize(80, 24), true, EN));
    }

    @Test
    void theSummaryCountsStatusesMostFirst() {
        ImageRow ok = new ImageRow("cn-beijing", "m-2ze1", null, "Available", 100, null);
        ImageRow failed = new ImageRow("cn-qingdao", "m-m5e1", null, "CreateFailed", 60, null);
        assertEquals("3 copies: 2 Available, 1 CreateFailed", BarLayout.summary(List.of(failed, ok, ok), true, 80, EN));
        assertEquals("1 copy: 1 Available", BarLayout.summary(List.of(ok), true, 80, EN));
        assertEquals("3 copies: 2 Ava..", BarLayout.summary(List.of(failed, ok, ok), true, 17, EN));
        assertEquals("2 images: 2 Available", BarLayout.summary(List.of(ok, ok), false, 80, EN));
    }
}
