package dev.ecsimage.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ecs-image completion}: prints the bash completion script (zsh too, through bashcompinit),
 * generated from the live command model, so {@code source <(ecs-image completion)} works.
 * picocli's script completes one value per word; the region lists of {@code copy --to} and
 * {@code --exclude} also complete after a comma ({@code -t cn-sh,cn-b<TAB>}).
 */
@Command(name = "completion",
        description = {"Print the bash/zsh completion script.",
                "bash: source <(ecs-image completion)",
                "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(ecs-image completion)"})
public final class CompletionCommand implements Runnable {
    /** Completes the item after the last comma of a comma-separated list, keeping the items before it. */
    private static final String LIST_FUNCTION = """
            # compReplyList ALONE WORD...: completes the last item of a comma-separated list of WORDs
            # (-t cn-sh,cn-b<TAB>), keeping the items typed before it; ALONE (may be empty) only as the whole value.
            function compReplyList() {
              local IFS=$'\\n'
              local alone=$1
              shift
              local curr_word=${COMP_WORDS[COMP_CWORD]}
              local prefix=
              local words="$alone"$'\\n'"$*"
              if [[ $curr_word == *,* ]]; then
                prefix=${curr_word%,*},
                curr_word=${curr_word##*,}
                words="$*"
              fi
              local candidate
              for candidate in $(compgen -W "$words" -- "$curr_word"); do
                echo "$prefix$candidate"
              done
            }

            """;
    private static final String ENTRY_POINT = "# Bash completion entry point function.";
    private static final String PICOCLI_REGIONS = "COMPREPLY=( $( compReplyArray \"${REGION_option_args[@]}\" ) )";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(script(spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }

    /** The completion script for the command tree under {@code root}. */
    public static String script(picocli.CommandLine root) {
        String script = AutoComplete.bash(root.getCommandName(), root);
        script = replace(script, ENTRY_POINT, LIST_FUNCTION + ENTRY_POINT);
        script = listCompletion(script, "'-t'|'--to')", new DestinationCandidates(), true);
        return listCompletion(script, "'--exclude')", new RegionCandidates(), false);
    }

    /**
     * The case of {@code option} completes every item of a list from {@code candidates}; the
     * first candidate only as the whole value when {@code firstAlone}.
     */
    private static String listCompletion(String script, String option, Iterable<String> candidates, boolean firstAlone) {
        List<String> words = new ArrayList<>(StreamSupport.stream(candidates.spliterator(), false).toList());
        String alone = firstAlone ? words.remove(0) : "";
        String before = option + "\n      local IFS=$'\\n'\n      " + PICOCLI_REGIONS;
        String after = option + "\n      local IFS=$'\\n'\n      COMPREPLY=( $( compReplyList '" + alone + "' "
                + String.join(" ", words) + " ) )";
        return replace(script, before, after);
    }

    /** Replaces the one occurrence of {@code from}; picocli's script changing shape is an error, not a silent miss. */
    private static String replace(String script, String from, String to) {
        int at = script.indexOf(from);
        if (at < 0 || script.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("picocli's completion script changed: cannot find one '" + from + "'");
        }
        return script.substring(0, at) + to + script.substring(at + from.length());
    }
}
