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
import dev.ecsimage.output.Language;
import dev.ecsimage.output.TextWidth;
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

/**
 * The man page documents every command, every option of every command and every exit status, in
 * English and in Chinese, and groff renders both without a warning.
 */
class ManPageTest {
    private final CommandLine root = EcsImageCommand.commandLine(Context.system());
    private final String page = new ManPage(root).render("9.8.7", LocalDate.of(2026, 1, 2));
    private final String chinese = new ManPage(EcsImageCommand.commandLine(Context.system()), Language.zh)
            .render("9.8.7", LocalDate.of(2026, 1, 2));

    @Test
    void headerNamesToolVersionAndDate() {
        assertTrue(page.startsWith(".TH ECS-IMAGE 1 \"2026-01-02\" \"ecs-image 9.8.7\" \"User Commands\"\n"), page);
    }

    @Test
    void everyCommandAndOptionIsOnThePage() {
        assertCommand(root.getCommandSpec(), "ecs-image");
    }

    private void assertCommand(CommandSpec spec, String fullName) {
        assertCommand(spec, fullName, page);
    }

    private static void assertCommand(CommandSpec spec, String fullName, String page) {
        if (spec.parent() != null) {
            assertTrue(page.contains(".SS \"" + fullName + "\"\n.B "), "no section for " + fullName);
        }
        for (OptionSpec o : spec.options()) {
            for (String name : o.names()) {
                assertTrue(page.contains(ManPage.escape(name)), fullName + " option " + name + " missing");
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            assertCommand(sub.getCommandSpec(), fullName + " " + sub.getCommandName(), page);
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
        assertTrue(files.contains(".I ARCHIVES/JAVA.jsa, ARCHIVES/JAVA.aot\n"), files);
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
        assertEquals("", groff(page, "-ww", "-z"));
    }

    /** The same in Chinese, read as UTF-8: every line breaks, and none starts with closing punctuation. */
    @Test
    void groffRendersTheChinesePageWithoutWarnings() throws IOException, InterruptedException {
        assertEquals("", groff(chinese, "-K", "utf8", "-ww", "-z"));
        String shown = groff(chinese, "-K", "utf8", "-P-cbou");
        assertTrue(shown.contains("\n名称\n       ecs-image - 在地域之间复制阿里云 ECS 自定义镜像"), shown);
        for (String line : shown.lines().toList()) {
            assertFalse(line.strip().matches("^[" + ManPage.NO_BREAK_BEFORE + "].*"), "starts with closing punctuation: " + line);
            assertTrue(TextWidth.of(line) <= 80 || line.chars().noneMatch(c -> TextWidth.of(c) == 2),
                    "Chinese wider than the page: " + line);
        }
    }

    /** groff's output ({@code -z}: its warnings only), with the page on its stdin. */
    private static String groff(String manPage, String... options) throws IOException, InterruptedException {
        Path groff = Path.of("/usr/bin/groff");
        assumeTrue(Files.isExecutable(groff), "groff is not installed: cannot render the page");
        List<String> command = new java.util.ArrayList<>(List.of(groff.toString(), "-man", "-Tutf8"));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(manPage.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        return output;
    }

    @Test
    void theChinesePageHasChineseSectionsAndTheSameCommandsAndOptions() {
        assertTrue(chinese.startsWith(".TH ECS-IMAGE 1 \"2026-01-02\" \"ecs-image 9.8.7\" \"用户命令\"\n"), chinese);
        for (String section : List.of("名称", "概述", "选项", "命令", "退出码", "环境变量", "文件", "示例", "另请参阅")) {
            assertTrue(chinese.contains("\n.SH " + section + "\n"), section);
        }
        assertCommand(root.getCommandSpec(), "ecs-image", chinese);
        assertTrue(chinese.contains(".SS \"ecs-image copy\"\n.B ecs\\-image copy \\-i IMAGE_ID \\-t REGION[,REGION...] [选项]\n"),
                chinese);
    }

    /** Every help text of the page is the Chinese one: none of the English descriptions is left. */
    @Test
    void theChinesePageSaysEveryTextInChinese() {
        String plain = chinese.replace("\\:", "");
        for (ExitStatus s : ExitStatus.values()) {
            assertFalse(plain.contains(s.meaning), s.meaning);
        }
        assertTrue(plain.contains(".TP\n.B 12\n仍在进行中：已到达 --timeout，或 status 查看的镜像尚未进入最终状态\n"), plain);
        for (EnvironmentVariables.Entry e : EnvironmentVariables.ALL) {
            assertTrue(plain.contains(".TP\n.B " + ManPage.escape(String.join(", ", e.names())) + "\n" + e.chinese() + "\n"),
                    e.names() + " missing");
        }
        for (String english : List.of("Show this help message", "Copy a custom image", "Region of the image",
                "Stop waiting after", "Try a copy without", "The aliyun CLI's profiles")) {
            assertFalse(plain.contains(english), english);
        }
        assertTrue(plain.contains(".PP\n复制到两个地域，并跟踪两个复制直至完成：\n.RS\n.nf\n.B ecs\\-image copy"), plain);
    }

    @Test
    void chineseLinesMayBreakBetweenCharactersButNotAroundPunctuation() {
        assertEquals("复\\:制\\:镜\\:像\\:（可\\:用），\\:完\\:成。 ok", ManPage.breakPoints("复制镜像（可用），完成。 ok"));
        assertEquals("English stays as it is.", ManPage.breakPoints("English stays as it is."));
    }
}
