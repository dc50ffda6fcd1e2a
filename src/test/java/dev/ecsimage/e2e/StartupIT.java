package dev.ecsimage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.sandbox.Faults;
import dev.ecsimage.sandbox.SandboxKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start costs, seen in the classes the JVM loads: the packaged jar runs in a child JVM
 * (this java, no start-up archive, so every class the code asks for is seen) with
 * {@code -Xlog:class+load}. {@code --version} loads no picocli; an English {@code status} of one
 * image loads no {@code ObjectMapper}, no {@code javax.crypto.Mac}, no {@code SecureRandom}, nothing
 * of the sandbox, no other command, no region names, and none of what a start used to pay for
 * without needing it: {@code String.format}, a record's generated methods, a stream of a
 * {@code TreeMap}, Jackson's pretty printer for text output.
 */
class StartupIT {
    static final Path JAR = Path.of("target", "ecs-image.jar").toAbsolutePath();
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

    @TempDir
    Path home;

    record Run(int status, String out, String err, List<String> classes) {}

    private Run run(Map<String, String> env, String... args) throws Exception {
        Path log = home.resolve("classes.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:class+load=info:file=" + log, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(Map.of("HOME", home.toString(), "ECS_IMAGE_LANG", "en", "PATH", "/usr/bin:/bin"));
        pb.environment().putAll(env);
        Path out = home.resolve("out");
        Path err = home.resolve("err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ecs-image did not end within 60 s");
        }
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                classes.add(m.group(1));
            }
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err), classes);
    }

    private static void assertNoneLoaded(List<String> classes, String what, java.util.function.Predicate<String> forbidden) {
        List<String> loaded = classes.stream().filter(forbidden).toList();
        assertEquals(List.of(), loaded, what + " loaded");
    }

    @Test
    void versionLoadsNoPicocli() throws Exception {
        Run r = run(Map.of(), "--version");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("ecs-image \\S+\n"), r.out());
        assertTrue(r.classes().contains("dev.ecsimage.Main"), "the class log works");
        assertNoneLoaded(r.classes(), "picocli", c -> c.startsWith("picocli."));
        assertNoneLoaded(r.classes(), "Jackson", c -> c.startsWith("com.fasterxml."));
    }

    @Test
    void englishStatusLoadsOnlyWhatItNeeds() throws Exception {
        try (Sandbox sandbox = new Sandbox(10, Faults.NONE)) {
            Run r = run(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", SandboxKeys.ACCESS_KEY_ID,
                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SandboxKeys.ACCESS_KEY_SECRET,
                    "ECS_IMAGE_ENDPOINT", sandbox.server.url().toString()),
                    "status", "-r", "cn-hangzhou", "-i", Sandbox.DEMO);
            assertEquals(new Run(0, "cn-hangzhou  " + Sandbox.DEMO + "  Available  100%\n", "", r.classes()), r);
            List<String> classes = r.classes();
            for (String expected : List.of("dev.ecsimage.cli.StatusCommand", "picocli.CommandLine",
                    "com.fasterxml.jackson.core.JsonParser", "dev.ecsimage.transport.Sha")) {
                assertTrue(classes.contains(expected), expected + " was not loaded: the class log does not work");
            }
            assertNoneLoaded(classes, "ObjectMapper", c -> c.startsWith("com.fasterxml.jackson.databind.ObjectMapper"));
            assertNoneLoaded(classes, "javax.crypto", c -> c.startsWith("javax.crypto."));
            assertNoneLoaded(classes, "SecureRandom", c -> c.equals("java.security.SecureRandom"));
            assertNoneLoaded(classes, "the JCA providers", c -> c.equals("java.security.MessageDigest")
                    || c.startsWith("sun.security.jca."));
            assertNoneLoaded(classes, "the sandbox", c -> c.startsWith("dev.ecsimage.sandbox."));
            assertNoneLoaded(classes, "another command", c -> List.of("CopyCommand", "CancelCommand", "SandboxCommand",
                    "SelfTestCommand", "CompletionCommand", "HelpCommand").contains(c.replaceFirst("^dev\\.ecsimage\\.cli\\.", "")));
            assertNoneLoaded(classes, "region names", c -> c.startsWith("dev.ecsimage.output.RegionNames"));
            // what costs milliseconds of every start without being needed for one status
            assertNoneLoaded(classes, "String.format", c -> c.equals("java.util.Formatter"));
            assertNoneLoaded(classes, "a record's generated equals/hashCode/toString",
                    c -> c.equals("java.lang.runtime.ObjectMethods"));
            assertNoneLoaded(classes, "a stream over a TreeMap", c -> c.startsWith("java.util.TreeMap$EntrySpliterator"));
            assertNoneLoaded(classes, "Json's printers", c -> c.equals("com.fasterxml.jackson.core.util.DefaultPrettyPrinter"));
            assertNoneLoaded(classes, "an annotation proxy (the model is built from run-model.txt)",
                    c -> c.contains("$Proxy"));
            assertNoneLoaded(classes, "help laid out for a run that shows none", c -> c.startsWith("dev.ecsimage.cli.UsageHelp"));
        }
    }
}
