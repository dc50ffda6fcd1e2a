package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.transport.Sleeper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The model a run builds from run-model.txt is the one picocli makes of the annotations, and the file is current. */
class RunModelTest {
    static final List<String> COMMANDS = List.of("copy", "status", "cancel");

    private static Context context() {
        return new Context(Map.of(), Path.of("/nonexistent"), Clock.systemUTC(), Sleeper.SYSTEM,
                new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), false,
                () -> "id", AbortHooks.JVM, null);
    }

    @Test
    void theFileIsWhatTheAnnotationsSay() throws Exception {
        String expected = RunModel.describe(EcsImageCommand.commandLine(context()), COMMANDS);
        String committed;
        try (InputStream in = RunModel.class.getResourceAsStream(RunModel.RESOURCE)) {
            assertNotNull(in, RunModel.RESOURCE + " is missing");
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(committed)) {
            Path fresh = Path.of("target", RunModel.RESOURCE);
            Files.writeString(fresh, expected);
            assertEquals(expected, committed, RunModel.RESOURCE + " is not current: cp " + fresh
                    + " src/main/resources/dev/ecsimage/cli/");
        }
    }

    @Test
    void eachCommandGetsTheOptionsPicocliMakesOfTheAnnotations() throws Exception {
        for (String name : COMMANDS) {
            CommandLine annotated = EcsImageCommand.commandLine(context()).getSubcommands().get(name);
            CommandLine fast = EcsImageCommand.runModel(context(), List.of(name)).getSubcommands().get(name);
            assertEquals(String.join("\n", describe(annotated)), String.join("\n", describe(fast)), name);
        }
    }

    private static List<String> describe(CommandLine cmd) throws Exception {
        List<String> lines = new ArrayList<>();
        for (OptionSpec o : cmd.getCommandSpec().options()) {
            lines.add(String.join(" ", o.names()) + " label=" + o.paramLabel() + " arity=" + o.arity() + (o.arity().isUnspecified() ? "?" : "") + " type="
                    + o.type().getName() + " aux=" + List.of(o.auxiliaryTypes()) + " split=" + o.splitRegex()
                    + " required=" + o.required() + " scope=" + o.scopeType() + " inherited=" + o.inherited()
                    + " help=" + o.usageHelp() + "/" + o.versionHelp() + " initial=" + o.initialValue()
                    + " converters=" + o.converters().length);
        }
        lines.add("mixins " + cmd.getCommandSpec().mixins().keySet());
        return lines;
    }

    @Test
    void helpAndVersionAreRenderedFromTheAnnotations() {
        assertTrue(RunModel.needsAnnotations(List.of("status", "--help")));
        assertTrue(RunModel.needsAnnotations(List.of("status", "-qh")));
        assertTrue(RunModel.needsAnnotations(List.of("-V")));
        assertTrue(RunModel.needsAnnotations(List.of("copy", "--version")));
        assertFalse(RunModel.needsAnnotations(List.of("status", "-i", "m-1", "-r", "cn-hangzhou")));
        assertFalse(RunModel.needsAnnotations(List.of("status", "--", "-h")));
        assertFalse(RunModel.needsAnnotations(List.of("copy", "--name", "-h2")));
    }
}
