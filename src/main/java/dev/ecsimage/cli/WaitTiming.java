package dev.ecsimage.cli;

import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --timeout} and {@code --interval}, shared by every command that waits. */
final class WaitTiming {
    /** What {@code --timeout} means in each command: what stays running when the wait stops differs. */
    private static final Map<String, String> TIMEOUT_HELP = Map.of(
            "copy", "Stop waiting after DURATION (exit 12); the copies keep running unless --cancel-on-abort. "
                    + "Seconds (90) or with a unit (30s, 2m, 1h30m). Default: no limit.",
            "status", "With --wait: stop waiting after DURATION (exit 12); the images are not touched. "
                    + "Seconds (90) or with a unit (30s, 2m, 1h30m). Default: no limit.",
            "cancel", "With --wait: stop waiting for the copy to disappear after DURATION (exit 12); the cancel "
                    + "itself was accepted. Seconds (90) or with a unit (30s, 2m, 1h30m). Default: no limit.");

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop waiting after DURATION (exit 12). Default: no limit.")
    Duration timeout;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Poll every DURATION. Default: follow each copy's expected end, 2s to 60s apart.")
    Duration interval;

    /** The help of {@code --timeout} in the command named {@code command}, or null to use the option's own. */
    static String timeoutHelp(String command) {
        return TIMEOUT_HELP.get(command);
    }

    void check() {
        longerThanZero("--timeout", timeout);
        longerThanZero("--interval", interval);
    }

    private void longerThanZero(String option, Duration value) {
        if (value != null && value.isZero()) {
            throw new ParameterException(mixee.commandLine(),
                    EcsImageCommand.text(mixee).get("usage.not-longer-than-zero", option));
        }
    }
}
