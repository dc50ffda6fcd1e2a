package dev.ecsimage.output;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a run's output goes and how the user wants it: stdout for results, stderr for progress,
 * hints and errors; whether stderr is a terminal; the format and progress options; the
 * environment (NO_COLOR, TERM, COLUMNS); the language of what a person reads. The one thing the
 * output classes are given.
 *
 * @param messages the run's catalogue, asked for only when a sentence is said (choosing the
 *                 language may read the profile file)
 */
public record Console(PrintWriter out, PrintWriter err, boolean stderrIsTerminal, Map<String, String> env,
                      Format format, ProgressMode progress, boolean quiet, boolean verbose,
                      Supplier<Messages> messages) {

    public boolean json() {
        return format == Format.json;
    }

    /** The catalogue in the run's language. */
    public Messages text() {
        return messages.get();
    }

    /** A line about what ecs-image is doing ({@code ecs-image: ...}) on stderr, unless --quiet. */
    public void note(String line) {
        if (!quiet) {
            err.println("ecs-image: " + line);
            err.flush();
        }
    }
}
