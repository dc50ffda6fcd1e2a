package dev.ecsimage.output;

import java.time.Duration;

/** Durations in messages, in the form people type them: {@code 2m10s}, {@code 800ms}, {@code 1h}. */
public final class DurationText {
    private DurationText() {}

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = Math.round(ms / 1000.0);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (sec > 0 || out.length() == 0) {
            out.append(sec).append('s');
        }
        return out.toString();
    }
}
