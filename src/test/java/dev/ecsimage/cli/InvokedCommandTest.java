package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ecsimage.transport.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** A run builds only the command its words name; help, completion and unknown words build them all. */
class InvokedCommandTest {
    private static Context context() {
        return new Context(Map.of(), Path.of("/nonexistent"), Clock.systemUTC(), Sleeper.SYSTEM,
                new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), false,
                () -> "id", AbortHooks.JVM, null);
    }

    private static final CommandSpec ROOT = EcsImageCommand.commandLine(context()).getCommandSpec();

    private static String invoked(String... args) {
        return EcsImageCommand.invoked(ROOT, List.of(args));
    }

    @Test
    void theNamesAreTheAnnotatedCommandsInTheOrderHelpListsThem() {
        assertEquals(EcsImageCommand.SUBCOMMANDS, List.copyOf(ROOT.subcommands().keySet()));
    }

    @Test
    void theCommandIsTheFirstWordThatIsNeitherAGlobalOptionNorItsValue() {
        assertEquals("status", invoked("status", "-i", "m-1"));
        assertEquals("status", invoked("-r", "cn-hangzhou", "status"));
        assertEquals("copy", invoked("--region", "status", "copy"));
        assertEquals("copy", invoked("-o", "json", "-q", "--verbose", "copy", "cancel"));
        assertEquals("cancel", invoked("--region=cn-hangzhou", "-o=json", "cancel"));
        assertEquals("status", invoked("-qr", "cn-hangzhou", "status"));
        assertEquals("status", invoked("-rcn-hangzhou", "status"));
        assertEquals("status", invoked("-qv", "status"));
        assertEquals("sandbox", invoked("--sandbox-speed", "5", "sandbox", "serve"));
        assertEquals("help", invoked("--lang", "zh", "help", "copy"));
        assertEquals("status", invoked("--regio", "status", "copy"), "an unknown option is taken for a flag");
    }

    @Test
    void noCommandWhenTheWordIsUnknownMissingOrTheToolsHelpIsAsked() {
        assertNull(invoked());
        assertNull(invoked("copi"));
        assertNull(invoked("-r", "cn-hangzhou"));
        assertNull(invoked("--help", "status"));
        assertNull(invoked("-qh", "status"));
        assertNull(invoked("--", "status"));
    }

    @Test
    void aRunBuildsOnlyItsCommandUnlessItNeedsThemAll() {
        assertEquals(List.of("status"), names("status", "-i", "m-1"));
        assertEquals(List.of("sandbox"), names("-o", "json", "sandbox", "serve"));
        assertEquals(EcsImageCommand.SUBCOMMANDS, names("help", "status"));
        assertEquals(EcsImageCommand.SUBCOMMANDS, names("completion"));
        assertEquals(EcsImageCommand.SUBCOMMANDS, names("copi"));
        assertEquals(EcsImageCommand.SUBCOMMANDS, names("--help"));
    }

    private static List<String> names(String... args) {
        CommandLine cmd = EcsImageCommand.forRun(context(), List.of(args));
        return List.copyOf(cmd.getSubcommands().keySet());
    }
}
