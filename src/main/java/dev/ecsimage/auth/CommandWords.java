package dev.ecsimage.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a config.json {@code process_command} into the program and its arguments, without a
 * shell: words are separated by spaces and tabs; text inside {@code '...'} or {@code "..."} belongs
 * to one word (the quotes are removed, nothing inside them is special); a backslash is an ordinary
 * character (so Windows paths work). No variables, globs, pipes or redirections. A command without
 * quotes splits exactly as the aliyun CLI and the credentials SDKs split it (at white space).
 */
final class CommandWords {
    private CommandWords() {}

    /** @throws IllegalArgumentException when a quote is not closed (the message says which) */
    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a " + quote + " quote is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
