package dev.ecsimage.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsimage.cli.Context;
import dev.ecsimage.cli.EcsImageCommand;
import dev.ecsimage.ExitStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The man page documents every command, every option of every command and every exit status. */
class ManPageTest {
    private final CommandLine root = EcsImageCommand.commandLine(Context.system());
    private final String page = new ManPage(root).render("9.8.7", LocalDate.of(2026, 1, 2));

    @Test
    void headerNamesToolVersionAndDate() {
        assertTrue(page.startsWith(".TH ECS-IMAGE 1 \"2026-01-02\" \"ecs-image 9.8.7\" \"User Commands\"\n"), page);
    }

    @Test
    void everyCommandAndOptionIsOnThePage() {
        assertCommand(root.getCommandSpec(), "ecs-image");
    }

    private void assertCommand(CommandSpec spec, String fullName) {
        if (spec.parent() != null) {
            assertTrue(page.contains(".SS \"" + fullName + "\"\n.B " + ManPage.escape(fullName) + " [OPTIONS]"),
                    "no section for " + fullName);
        }
        for (OptionSpec o : spec.options()) {
            for (String name : o.names()) {
                assertTrue(page.contains(ManPage.escape(name)), fullName + " option " + name + " missing");
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            assertCommand(sub.getCommandSpec(), fullName + " " + sub.getCommandName());
        }
    }

    @Test
    void everyExitStatusIsOnThePage() {
        for (ExitStatus s : ExitStatus.values()) {
            assertTrue(page.contains(".TP\n.B " + s.code + "\n" + s.meaning.replace("\\", "\\e") + "\n"),
                    "exit status " + s.code + " missing");
        }
    }

    @Test
    void globalOptionsAreDocumentedOnce() {
        assertEquals(page.indexOf(".BR \"\\-\\-signature\\-version\""),
                page.lastIndexOf(".BR \"\\-\\-signature\\-version\""));
        assertTrue(page.contains(".BR \"\\-r, \\-\\-region\" \" \\fIREGION\\fR\"\n"), page);
    }

    @Test
    void escapesTroffControlCharacters() {
        assertEquals("\\-\\-a\\eb", ManPage.escape("--a\\b"));
    }

    /** groff reads the page without a warning (when groff is installed). */
    @Test
    void groffRendersThePageWithoutWarnings() throws IOException, InterruptedException {
        Path groff = Path.of("/usr/bin/groff");
        assumeTrue(Files.isExecutable(groff), "groff is not installed: cannot render the page");
        Process p = new ProcessBuilder(groff.toString(), "-man", "-Tutf8", "-ww", "-z").start();
        p.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String warnings = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("", warnings);
    }
}
