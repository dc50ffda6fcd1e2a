package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsimage.ship.BashCompletion;
import dev.ecsimage.transport.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The committed {@code completion/ecs-image.bash} is what the command model generates, and it
 * completes for real when bash sources it.
 */
class CompletionScriptTest {
    static final Path COMMITTED = Path.of("completion/ecs-image.bash");
    static final Path FRESH = Path.of("target/completion/ecs-image.bash");

    private static Context context(StringWriter out) {
        return new Context(Map.of(), Path.of("/nonexistent"), Clock.systemUTC(), Sleeper.SYSTEM,
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false,
                () -> "id", AbortHooks.JVM, null);
    }

    private static String generated() {
        return CompletionCommand.script(EcsImageCommand.commandLine(context(new StringWriter())));
    }

    @Test
    void committedScriptIsWhatTheCommandModelGenerates() throws IOException {
        String expected = generated();
        String committed = Files.readString(COMMITTED);
        if (!committed.equals(expected)) {
            Files.createDirectories(FRESH.getParent());
            Files.writeString(FRESH, expected);
        }
        assertTrue(committed.equals(expected), "completion/ecs-image.bash is stale (the command model changed). "
                + "The fresh script is in target/; refresh the committed one with:\n"
                + "    cp target/completion/ecs-image.bash completion/ecs-image.bash\n");
    }

    @Test
    void completionCommandPrintsTheScript() {
        StringWriter out = new StringWriter();
        int status = EcsImageCommand.run(context(out), "completion");
        assertEquals(0, status);
        assertEquals(generated(), out.toString());
    }

    @Test
    void bashCompletesSubcommands() throws Exception {
        assertEquals(List.of("copy", "completion"), complete("ecs-image co"));
    }

    @Test
    void bashCompletesEnumValues() throws Exception {
        assertEquals(List.of("text", "json"), complete("ecs-image copy --output "));
        assertEquals(List.of("auto", "bar", "plain", "none"), complete("ecs-image status --progress "));
        assertEquals(List.of("public", "vpc"), complete("ecs-image --network "));
        assertEquals(List.of("v3", "v1"), complete("ecs-image cancel --signature-version "));
    }

    @Test
    void bashCompletesRegionIds() throws Exception {
        assertEquals(List.of("cn-shanghai", "cn-shenzhen"), complete("ecs-image --region cn-sh"));
        assertEquals(List.of("ap-northeast-1", "ap-northeast-2"), complete("ecs-image status -r ap-no"));
    }

    @Test
    void bashCompletesTargetRegionsOfCopy() throws Exception {
        CommandLine copy = EcsImageCommand.commandLine(context(new StringWriter())).getSubcommands().get("copy");
        assumeTrue(copy.getCommandSpec().findOption("--to") != null, "copy has no --to option yet");
        assertEquals(List.of("cn-shanghai", "cn-shenzhen"), complete("ecs-image copy --to cn-sh"));
    }

    @Test
    void bashOffersAllAsADestinationAndCompletesAfterAComma() throws Exception {
        assertEquals(List.of("all", "ap-southeast-1", "ap-southeast-3", "ap-southeast-5", "ap-southeast-6",
                "ap-southeast-7", "ap-northeast-1", "ap-northeast-2"), complete("ecs-image copy -t a"));
        assertEquals(List.of("cn-sh,cn-beijing"), complete("ecs-image copy -t cn-sh,cn-b"));
        assertEquals(List.of("cn-shanghai,ap-northeast-1", "cn-shanghai,ap-northeast-2"),
                complete("ecs-image copy --to cn-shanghai,ap-no"));
        assertEquals(List.of(), complete("ecs-image copy --to cn-shanghai,al"), "all only as the whole value");
        assertEquals(List.of("cn-beijing,ap-northeast-1", "cn-beijing,ap-northeast-2"),
                complete("ecs-image copy --exclude cn-beijing,ap-no"));
        assertEquals(List.of("cn-shanghai", "cn-shenzhen"), complete("ecs-image copy -r cn-sh"), "--region is one region");
    }

    @Test
    void bashCompletesOptionNames() throws Exception {
        assertEquals(List.of("--signature-version"), complete("ecs-image status --sig"));
    }

    private static List<String> complete(String line) throws IOException, InterruptedException {
        return BashCompletion.complete(COMMITTED, line);
    }
}
