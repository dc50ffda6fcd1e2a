package dev.ecsimage.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --timeout} and {@code --interval}, shared by every command that waits. */
final class WaitTiming {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop waiting after this long (exit 12; the copy keeps running). Default: no limit.")
    Duration timeout;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Poll every DURATION. Default: follow each copy's expected end, 2s to 60s apart.")
    Duration interval;

    void check() {
        if (timeout != null && timeout.isZero()) {
            throw new ParameterException(mixee.commandLine(), "--timeout must be longer than 0");
        }
        if (interval != null && interval.isZero()) {
            throw new ParameterException(mixee.commandLine(), "--interval must be longer than 0");
        }
    }
}
