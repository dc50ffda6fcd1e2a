package dev.ecsimage.output;

/**
 * How many terminal columns text takes: East Asian wide and fullwidth characters (Chinese,
 * Japanese, Korean, fullwidth forms, most emoji) take two, combining marks and format characters
 * none, everything else one. Every line that is padded or cut to fit a column or a terminal goes
 * through here, so a Chinese status or name never breaks the layout. The ranges are Unicode's
 * East Asian Width classes W and F, main blocks (as wcwidth(3) has them); ambiguous-width
 * characters count as one, which is why a cut line ends in ASCII dots, not an ellipsis.
 */
public final class TextWidth {
    /** What ends a line or a field that was cut: two ASCII dots, narrow in every terminal. */
    static final String CUT = "..";

    /** Inclusive code point ranges of two-column characters, sorted. */
    private static final int[][] WIDE = {
        {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
        {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
        {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
        {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
        {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
        {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
        {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
        {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
        {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
        {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},
        {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
        {0x1F200, 0x1F202}, {0x1F210, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F250, 0x1F251},
        {0x1F260, 0x1F265}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB},
        {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };

    private TextWidth() {}

    /** The columns {@code text} takes; ANSI control sequences ({@code ESC [ ... m}, colours) take none. */
    public static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == 0x1B && i + 1 < text.length() && text.charAt(i + 1) == '[') {
                i += 2;
                while (i < text.length() && (text.charAt(i) < 0x40 || text.charAt(i) > 0x7E)) {
                    i++;
                }
                i++;
                continue;
            }
            width += of(c);
            i += Character.charCount(c);
        }
        return width;
    }

    /** The columns one character takes: 0, 1 or 2. */
    public static int of(int codePoint) {
        if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint < 0xA0)) {
            return 0;
        }
        if (codePoint < 0x1100) {
            return zeroWidth(codePoint) ? 0 : 1;
        }
        int lo = 0;
        int hi = WIDE.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (codePoint < WIDE[mid][0]) {
                hi = mid - 1;
            } else if (codePoint > WIDE[mid][1]) {
                lo = mid + 1;
            } else {
                return 2;
            }
        }
        return zeroWidth(codePoint) ? 0 : 1;
    }

    private static boolean zeroWidth(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || (type == Character.FORMAT && codePoint != 0xAD);
    }

    /** {@code text} followed by spaces up to {@code width} columns (unchanged when it is that wide or wider). */
    public static String pad(String text, int width) {
        int missing = width - of(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    /**
     * {@code text} when it fits in {@code width} columns, else its start and {@link #CUT}, at most
     * {@code width} columns in all (a wide character that would straddle the end is left out).
     */
    public static String cut(String text, int width) {
        if (of(text) <= width) {
            return text;
        }
        if (width <= CUT.length()) {
            return CUT.substring(0, Math.max(0, width));
        }
        return start(text, width - CUT.length()) + CUT;
    }

    /** The longest start of {@code text} that takes at most {@code width} columns. */
    static String start(String text, int width) {
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int w = of(c);
            if (used + w > width) {
                break;
            }
            used += w;
            i += Character.charCount(c);
        }
        return text.substring(0, i);
    }
}
