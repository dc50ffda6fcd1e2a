package dev.ecsimage.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Durations as people type them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h30m}, or a bare
 * number of seconds ({@code 90}), as the aliyun CLI's waiter takes its timeout and interval.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");
    private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}(ms|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String v = value.trim();
        if (SECONDS.matcher(v).matches()) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        if (!WHOLE.matcher(v).matches()) {
            throw new InvalidValue("value.not-a-duration", value);
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(v);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        return total;
    }
}
