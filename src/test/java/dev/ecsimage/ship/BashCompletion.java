package dev.ecsimage.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Asks a real bash what a completion script offers for a command line. */
public final class BashCompletion {
    private BashCompletion() {}

    /**
     * What bash offers for {@code line} (the cursor at its end) after sourcing {@code script}: the
     * function that {@code complete -p ecs-image} names runs with COMP_* set as bash sets them for
     * a TAB. Skips the calling test when bash is missing.
     */
    public static List<String> complete(Path script, String line) throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is not installed: cannot check completion in a real shell");
        String program = """
                source "$1"
                fn=$(complete -p ecs-image | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')
                COMP_LINE=$2; COMP_POINT=${#COMP_LINE}
                read -ra COMP_WORDS <<<"$COMP_LINE"
                case $COMP_LINE in *' ') COMP_WORDS+=('') ;; esac
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                COMPREPLY=()
                "$fn" ecs-image "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
                printf '%s\\n' "${COMPREPLY[@]}"
                """;
        Process p = new ProcessBuilder(bash.toString(), "-c", program, "bash", script.toString(), line)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "bash failed");
        return out.lines().filter(s -> !s.isEmpty()).map(String::strip).toList();
    }
}
