package dev.ecsimage.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsimage.cli.Context;
import dev.ecsimage.cli.EcsImageCommand;
import dev.ecsimage.ExitStatus;
import dev.ecsimage.cli.Examples;
import dev.ecsimage.cli.UsageHelp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
            assertTrue(page.contains(".SS \"" + fullName + "\"\n.B " + ManPage.escape(UsageHelp.synopsis(spec)) + "\n"),
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
    void aCommandsSynopsisNamesItsRequiredOptions() {
        assertTrue(page.contains(".SS \"ecs-image copy\"\n.B ecs\\-image copy \\-i IMAGE_ID \\-t REGION[,REGION...] [OPTIONS]\n"),
                page);
    }

    @Test
    void everyEnvironmentVariableIsOnThePage() {
        int environment = page.indexOf(".SH ENVIRONMENT\n");
        assertTrue(environment > 0 && environment < page.indexOf(".SH FILES\n"), page);
        for (EnvironmentVariables.Entry e : EnvironmentVariables.ALL) {
            assertTrue(page.contains(".TP\n.B " + ManPage.escape(String.join(", ", e.names())) + "\n" + e.meaning() + "\n"),
                    e.names() + " missing");
        }
    }

    @Test
    void theFilesAreTheProfilesAndTheStartUpArchive() {
        String files = page.substring(page.indexOf(".SH FILES\n"), page.indexOf(".SH EXAMPLES\n"));
        assertTrue(files.contains(".I ~/.aliyun/config.json\n"), files);
        assertTrue(files.contains(".I ~/.alibabacloud/credentials\n"), files);
        assertTrue(files.contains(".I ecs\\-image.jsa, ecs\\-image.aot\n"), files);
    }

    @Test
    void everyExampleIsOnThePage() {
        String examples = page.substring(page.indexOf(".SH EXAMPLES\n"), page.indexOf(".SH SEE ALSO\n"));
        for (String command : List.of("copy", "status", "cancel", "sandbox", "sandbox serve")) {
            for (Examples.Example e : Examples.of(command)) {
                assertTrue(examples.contains(".PP\n" + e.what() + ":\n.RS\n.nf\n.B " + ManPage.escape(e.command())
                        + "\n.fi\n.RE\n"), e.command());
            }
        }
    }

    @Test
    void cancelsTimeoutIsDescribedForCancel() {
        String cancel = page.substring(page.indexOf(".SS \"ecs-image cancel\""), page.indexOf(".SS \"ecs-image sandbox\""));
        assertTrue(cancel.contains("With --wait: stop waiting for the copy to disappear"), cancel);
        assertFalse(cancel.contains("keep running"), cancel);
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
