package dev.ecsimage.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The list of environment variables is complete (against the code) and the README shows it as it is. */
class EnvironmentVariablesTest {
    /** String literals that name a variable of one of the families ecs-image reads. */
    private static final Pattern FAMILY = Pattern.compile(
            "\"((?:ALIBABA_CLOUD|ALIBABACLOUD|ALICLOUD|ECS_IMAGE)_[A-Z0-9_]+|[A-Z]+_PROXY|NO_COLOR)\"");
    /** What the launcher expands: $NAME or ${NAME}. */
    private static final Pattern SHELL = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]+)");

    /** The README's table, as the list renders it. */
    static String readmeTable() {
        return table("| variable | what for |", EnvironmentVariables.Entry::meaning);
    }

    /** README.zh-CN.md's table, as the list renders it in Chinese. */
    static String chineseReadmeTable() {
        return table("| 变量 | 用途 |", EnvironmentVariables.Entry::chinese);
    }

    private static String table(String header, Function<EnvironmentVariables.Entry, String> meaning) {
        return header + "\n|---|---|\n" + EnvironmentVariables.ALL.stream()
                .map(e -> "| " + e.names().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                        + " | " + meaning.apply(e) + " |\n")
                .collect(Collectors.joining());
    }

    @Test
    void theReadmeShowsTheList() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertTrue(readme.contains(readmeTable()), "README.md's Environment table differs from "
                + "build/EnvironmentVariables; it should read:\n" + readmeTable());
    }

    @Test
    void theChineseReadmeShowsTheList() throws IOException {
        String readme = Files.readString(Path.of("README.zh-CN.md"));

        assertTrue(readme.contains(chineseReadmeTable()), "README.zh-CN.md's 环境变量 table differs from "
                + "build/EnvironmentVariables; it should read:\n" + chineseReadmeTable());
    }

    @Test
    void everyVariableTheCodeReadsIsListed() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = FAMILY.matcher(Files.readString(file));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        Matcher m = SHELL.matcher(Files.readString(Path.of("src/main/sh/ecs-image")));
        while (m.find()) {
            read.add(m.group(1));
        }
        read.addAll(Set.of("TERM", "COLUMNS", "LINES", "HOME"));
        read.remove("PWD"); // the shell's own: the folder it runs in
        assertTrue(read.contains("ALIBABA_CLOUD_ACCESS_KEY_ID") && read.contains("JAVA_HOME"), read.toString());

        Set<String> missing = new TreeSet<>(read);
        EnvironmentVariables.names().forEach(missing::remove);
        assertEquals(Set.of(), missing, "read by the code but not in build/EnvironmentVariables");
    }

    @Test
    void noVariableIsListedTwice() {
        assertEquals(EnvironmentVariables.names().size(), Set.copyOf(EnvironmentVariables.names()).size());
    }
}
