package dev.ecsimage.testing;

import dev.ecsimage.output.TextWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the fields of a padded text line start, in terminal columns (a Chinese character takes
 * two): after the indent, and after each run of two or more spaces. Lines of one table line up
 * when their fields start at the same columns; a line padded by {@code String.length()} instead of
 * by columns does not.
 */
public final class TextColumns {
    private TextColumns() {}

    public static List<Integer> fieldStarts(String line) {
        List<Integer> starts = new ArrayList<>();
        int column = 0;
        int spaces = 0;
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            if (c == ' ') {
                spaces++;
            } else {
                if (spaces >= 2 || (column == spaces && starts.isEmpty())) {
                    starts.add(column);
                }
                spaces = 0;
            }
            column += TextWidth.of(c);
            i += Character.charCount(c);
        }
        return starts;
    }

    /** The column the {@code n}th field (0: the first) of {@code line} starts at, or -1. */
    public static int fieldStart(String line, int n) {
        List<Integer> starts = fieldStarts(line);
        return n < starts.size() ? starts.get(n) : -1;
    }
}
