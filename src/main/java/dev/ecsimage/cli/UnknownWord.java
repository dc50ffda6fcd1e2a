package dev.ecsimage.cli;

import dev.ecsimage.output.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A word on the command line that no command knows, said the way a person reads it:
 * {@code unknown command 'copi': did you mean 'copy'?}, {@code unknown option '--too': did you
 * mean '--to'?}. picocli proposes the candidates; the ones nearest by edit distance are kept, so a
 * swap of two letters or a missing dash finds its word and a stranger gets no guess.
 */
final class UnknownWord {
    private UnknownWord() {}

    /** The message for the first of {@code unmatched}, the words {@code cmd} could not place, in {@code text}'s language. */
    static String describe(CommandLine cmd, List<String> unmatched, Messages text) {
        String word = unmatched.get(0);
        boolean option = word.startsWith("-") && word.length() > 1;
        String typed = option && word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        String what = option ? "usage.unknown-option"
                : cmd.getSubcommands().isEmpty() ? "usage.unexpected-argument" : "usage.unknown-command";
        List<String> nearest = nearest(typed, new UnmatchedArgumentException(cmd, List.of(typed)).getSuggestions());
        String message = text.get(what, typed);
        return switch (nearest.size()) {
            case 0 -> message;
            case 1 -> text.get("usage.did-you-mean", message, nearest.get(0));
            default -> text.get("usage.did-you-mean-either", message, nearest.get(0), nearest.get(1));
        };
    }

    /** The candidates closest to {@code typed}, when they are close enough to be what was meant. */
    static List<String> nearest(String typed, List<String> candidates) {
        int best = candidates.stream().mapToInt(c -> distance(typed, c)).min().orElse(Integer.MAX_VALUE);
        List<String> nearest = new ArrayList<>();
        if (best <= Math.max(2, typed.length() / 3)) {
            candidates.stream().filter(c -> distance(typed, c) == best).sorted(Comparator.naturalOrder())
                    .limit(2).forEach(nearest::add);
        }
        return nearest;
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
