package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What --help and 'ecs-image help' show: each command its own options and examples; the tool the rest, once. */
class HelpTest {
    private final CliRun cli = new CliRun();

    @Test
    void theToolsHelpHasTheCommandsTheGlobalOptionsAndTheExitStatuses() {
        CliRun.Result r = cli.run("--help");

        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Usage: ecs-image [GLOBAL OPTIONS] COMMAND [OPTIONS]\n"), r.out());
        assertTrue(r.out().contains("\nCommands:\n  copy "), r.out());
        assertTrue(r.out().contains("\nGlobal options (before or after the command):\n"), r.out());
        assertTrue(r.out().contains("      --signature-version=v3|v1\n"), r.out());
        assertTrue(r.out().contains("  -p, --profile=NAME "), r.out());
        assertTrue(r.out().contains("\nExit statuses:\n    0   success"), r.out());
        assertTrue(r.out().contains("\n   12   still in progress"), r.out());
        assertTrue(r.out().endsWith("\nRun 'ecs-image COMMAND --help' for a command's options and examples.\n"), r.out());
    }

    @Test
    void aCommandsHelpHasItsOwnOptionsExamplesAndWhereTheRestIs() {
        CliRun.Result r = cli.run("copy", "--help");

        assertEquals(0, r.status());
        String out = r.out();
        assertTrue(out.startsWith("Usage: ecs-image copy -i IMAGE_ID -t REGION[,REGION...] [OPTIONS]\n"), out);
        assertTrue(out.contains("\nOptions:\n  -i, --image-id=IMAGE_ID "), out);
        assertTrue(out.contains("      --if-exists=fail|reuse "), out);
        assertTrue(out.contains("\nExamples:\n  # Copy to two regions and follow both copies to the end\n"
                + "  ecs-image copy -i m-bp1xxxx -r cn-hangzhou -t cn-shanghai,cn-beijing -n web-v2\n"), out);
        assertTrue(out.endsWith("\n\nGlobal options (-r, -p, -o, -q, ...) and exit statuses: 'ecs-image --help'.\n"), out);
        for (String global : List.of("--signature-version", "-r, --region=", "--profile=", "--sandbox-speed", "--version",
                "Exit statuses", "still in progress")) {
            assertFalse(out.contains(global), global + " is in copy --help:\n" + out);
        }
    }

    @Test
    void eachWaitingCommandSaysWhatItsTimeoutLeavesRunning() {
        String copy = cli.run("copy", "--help").out();
        String cancel = cli.run("cancel", "--help").out();
        String status = cli.run("status", "--help").out();

        assertTrue(copy.contains("--timeout=DURATION     Stop waiting after DURATION (exit 12); the copies\n"
                + "                               keep running unless --cancel-on-abort."), copy);
        assertTrue(cancel.contains("--timeout=DURATION    With --wait: stop waiting for the copy to disappear\n"
                + "                              after DURATION (exit 12); the cancel itself was\n"
                + "                              accepted."), cancel);
        assertFalse(cancel.contains("keep running"), cancel);
        assertTrue(status.contains("--timeout=DURATION    With --wait: stop waiting after DURATION (exit 12);\n"
                + "                              the images are not touched."), status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "copy", "status", "cancel", "sandbox", "sandbox serve", "completion"})
    void helpCommandShowsTheSameAsHelpOption(String command) {
        String[] path = command.isEmpty() ? new String[0] : command.split(" ");
        String[] help = new String[path.length + 1];
        String[] option = new String[path.length + 1];
        help[0] = "help";
        System.arraycopy(path, 0, help, 1, path.length);
        System.arraycopy(path, 0, option, 0, path.length);
        option[path.length] = "--help";

        CliRun.Result byCommand = cli.run(help);

        assertEquals(0, byCommand.status());
        assertEquals(cli.run(option).out(), byCommand.out());
        assertEquals("", byCommand.err());
    }

    @Test
    void helpOfAnUnknownCommandSuggestsOne() {
        CliRun.Result r = cli.run("help", "copyy");

        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals("ecs-image: unknown command 'copyy': did you mean 'copy'?\n"
                + "Try 'ecs-image --help' for more information.\n", r.err());
    }

    /** Every example is a valid command line, and fits an 80-column terminal under its indent. */
    @Test
    void everyExampleParsesAndFits() {
        CommandLine root = EcsImageCommand.commandLine(Context.system());
        int seen = 0;
        for (String command : List.of("copy", "status", "cancel", "sandbox", "sandbox serve")) {
            for (Examples.Example e : Examples.of(command)) {
                String[] words = e.command().split(" ");
                assertEquals("ecs-image", words[0]);
                root.parseArgs(java.util.Arrays.copyOfRange(words, 1, words.length));
                assertTrue(e.command().length() + 2 <= 80, e.command());
                assertTrue(e.what().length() + 4 <= 80, e.what());
                seen++;
            }
        }
        assertEquals(16, seen);
    }
}
