package dev.ecsimage.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ecsimage.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * config.json profiles of mode External, with small scripts this test writes: what they print is
 * used, how they fail is one line that names the program and never shows what it printed.
 */
class ExternalCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-27T21:00:00Z");
    private static final String LABEL = "profile 'main' (mode External) in ~/.aliyun/config.json";

    @TempDir
    Path home;
    final Map<String, String> env = new HashMap<>();
    final List<String> lines = new ArrayList<>();
    final ManualClock clock = new ManualClock(NOW);

    private CredentialChain chain(Duration timeout) {
        return new CredentialChain(env, home, clock, lines::add, null, timeout);
    }

    /** config.json whose current profile runs {@code command}. */
    private void profile(String command) throws IOException {
        Path file = home.resolve(".aliyun/config.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"current\":\"main\",\"profiles\":[{\"name\":\"main\",\"mode\":\"External\","
                + "\"process_command\":\"" + command.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}]}");
    }

    /** An executable sh script in the home folder. */
    private Path script(String name, String body) throws IOException {
        Path file = Files.writeString(home.resolve(name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private String failure(Duration timeout) {
        return assertThrows(ConfigException.class, () -> chain(timeout).resolve(null).credentials()).getMessage();
    }

    @Test
    void accessKeysPrintedByTheCommandAreUsedAndKeptForTheRun() throws IOException {
        Path helper = script("helper", "echo run >> \"$0.runs\"\n"
                + "printf '{\"mode\":\"AK\",\"access_key_id\":\"LTAIexternal000001\",\"access_key_secret\":\"ext-secret\"}'");
        profile(helper.toString());
        CredentialsProvider provider = chain(Duration.ofSeconds(10)).resolve(null);
        Credentials c = provider.credentials();
        assertEquals(List.of("LTAIexternal000001", "ext-secret"), List.of(c.accessKeyId(), c.accessKeySecret()));
        assertNull(c.securityToken());
        assertNull(c.expiration());
        clock.advance(Duration.ofDays(1));
        provider.credentials();
        assertEquals(List.of("run"), Files.readAllLines(Path.of(helper + ".runs")));
        assertEquals(List.of("credentials: external command '" + helper + "' of " + LABEL + " (LTAI****0001)"), lines);
    }

    @Test
    void temporaryCredentialsAreFetchedAgainBeforeTheyExpire() throws IOException {
        Path helper = script("sts-helper", "echo run >> \"$0.runs\"\n"
                + "n=$(wc -l < \"$0.runs\" | tr -d ' ')\n"
                + "printf '{\"mode\":\"StsToken\",\"access_key_id\":\"STS.EXTERNAL000%s\",\"access_key_secret\":\"s%s\","
                + "\"sts_token\":\"t%s\",\"expiration\":\"2026-11-27T22:00:00Z\"}' $n $n $n");
        profile(helper.toString());
        CredentialsProvider provider = chain(Duration.ofSeconds(10)).resolve(null);
        Credentials first = provider.credentials();
        assertEquals(List.of("STS.EXTERNAL0001", "s1", "t1", Instant.parse("2026-11-27T22:00:00Z")),
                List.of(first.accessKeyId(), first.accessKeySecret(), first.securityToken(), first.expiration()));
        clock.advance(Duration.ofMinutes(56));
        assertEquals("STS.EXTERNAL0001", provider.credentials().accessKeyId());
        clock.advance(Duration.ofMinutes(2));
        assertEquals("STS.EXTERNAL0002", provider.credentials().accessKeyId());
        assertEquals(2, Files.readAllLines(Path.of(helper + ".runs")).size());
    }

    @Test
    void quotedWordsReachTheCommandAsOneArgumentWithoutAShell() throws IOException {
        Path helper = script("args", "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done > \"$0.args\"\n"
                + "printf '{\"access_key_id\":\"LTAIexternal000001\",\"access_key_secret\":\"x\"}'");
        profile(helper + " --profile 'two words' \"it's\" $HOME a\\b *");
        chain(Duration.ofSeconds(10)).resolve(null).credentials();
        assertEquals(List.of("[--profile]", "[two words]", "[it's]", "[$HOME]", "[a\\b]", "[*]"),
                Files.readAllLines(Path.of(helper + ".args")));
    }

    @Test
    void aFailingCommandNamesItsExitStatusAndNotItsOutput() throws IOException {
        Path helper = script("failing", "printf '{\"access_key_id\":\"LTAIleaked\",\"access_key_secret\":\"leaked-secret\"}'\n"
                + "exit 7");
        profile(helper + " --token leaked-argument");
        String message = failure(Duration.ofSeconds(10));
        assertEquals(LABEL + ": process_command '" + helper + "' failed with exit status 7", message);
        assertEquals(List.of(), lines);
    }

    @Test
    void aHangingCommandIsStoppedAtTheTimeout() throws Exception {
        Path helper = script("hanging", "echo $$ > \"$0.pid\"\nprintf 'leaked-partial-output'\nexec sleep 30");
        profile(helper.toString());
        assertEquals(LABEL + ": process_command '" + helper + "' did not finish within 0.3 s",
                failure(Duration.ofMillis(300)));
        long pid = Long.parseLong(Files.readString(Path.of(helper + ".pid")).strip());
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the command still runs");
    }

    @Test
    void aMissingProgram() throws IOException {
        profile(home.resolve("no-such-helper") + " --token leaked-argument");
        assertEquals(LABEL + ": process_command '" + home.resolve("no-such-helper")
                + "' cannot be started (error=2, No such file or directory)", failure(Duration.ofSeconds(10)));
    }

    /** What a command prints on stdout, and the message, where {@code CMD} is the command's name. */
    static Stream<Arguments> unusableOutput() {
        return Stream.of(
                arguments("access_key_secret=leaked-secret", "printed no JSON object on stdout"),
                arguments("[\"leaked-secret\"]", "printed no JSON object on stdout"),
                arguments("", "printed no JSON object on stdout"),
                arguments("{\"mode\":\"AK\",\"access_key_secret\":\"leaked-secret\"}", "printed no access_key_id"),
                arguments("{\"mode\":\"AK\",\"access_key_id\":\"LTAIleaked\"}", "printed no access_key_secret"),
                arguments("{\"mode\":\"StsToken\",\"access_key_id\":\"STS.leaked\",\"access_key_secret\":\"leaked-secret\"}",
                        "printed mode StsToken without sts_token"),
                arguments("{\"mode\":\"RamRoleArn\",\"access_key_id\":\"LTAIleaked\",\"access_key_secret\":\"leaked-secret\","
                        + "\"ram_role_arn\":\"acs:ram::1:role/leaked\"}", "printed a mode other than AK or StsToken"),
                arguments("{\"mode\":\"StsToken\",\"access_key_id\":\"STS.leaked\",\"access_key_secret\":\"leaked-secret\","
                        + "\"sts_token\":\"leaked-token\",\"expiration\":\"leaked-tomorrow\"}",
                        "printed an expiration that is not an ISO-8601 instant like 2026-11-27T22:00:00Z"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource
    void unusableOutput(String output, String problem) throws IOException {
        Path file = Files.writeString(home.resolve("output"), output);
        Path helper = script("printer", "cat '" + file + "'");
        profile(helper.toString());
        String message = failure(Duration.ofSeconds(10));
        assertEquals(LABEL + ": process_command '" + helper + "' " + problem, message);
        assertFalse(message.contains("leaked"), message);
    }

    /** A process_command, and the words it splits into (or the reason it cannot be split). */
    static Stream<Arguments> words() {
        return Stream.of(
                arguments("helper", List.of("helper")),
                arguments("  /opt/bin/helper\t--profile  ci ", List.of("/opt/bin/helper", "--profile", "ci")),
                arguments("helper 'a b' \"c 'd'\" e'f g'h \"\"", List.of("helper", "a b", "c 'd'", "ef gh", "")),
                arguments("C:\\tools\\helper.exe --x=\\", List.of("C:\\tools\\helper.exe", "--x=\\")),
                arguments("", List.of()),
                arguments("helper 'open", "a ' quote is not closed"),
                arguments("helper \"open", "a \" quote is not closed"));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource
    void words(String command, Object expected) {
        if (expected instanceof String reason) {
            assertEquals(reason, assertThrows(IllegalArgumentException.class, () -> CommandWords.split(command)).getMessage());
        } else {
            assertEquals(expected, CommandWords.split(command));
        }
    }
}
