package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Main answers a bare --version without picocli, with the very bytes picocli prints. */
class VersionTest {
    @Test
    void theShortcutPrintsWhatPicocliPrints() {
        StringWriter shortcut = new StringWriter();
        Version.print(new PrintWriter(shortcut));
        for (String option : new String[] {"--version", "-V"}) {
            CliRun.Result picocli = new CliRun().run(option);
            assertEquals(new CliRun.Result(0, shortcut.toString(), ""), picocli);
        }
        assertTrue(shortcut.toString().matches("ecs-image \\S+" + System.lineSeparator()), shortcut.toString());
    }

    @Test
    void theShortcutIsTakenOnlyForTheVersionAlone() {
        assertTrue(Version.onlyAsked("--version"));
        assertTrue(Version.onlyAsked("-V"));
        assertFalse(Version.onlyAsked());
        assertFalse(Version.onlyAsked("--version", "status"));
        assertFalse(Version.onlyAsked("-v"));
        assertFalse(Version.onlyAsked("--lang", "zh", "--version"));
    }
}
