package dev.ecsimage.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.auth.ConfigException;
import dev.ecsimage.output.ErrorReport;
import dev.ecsimage.output.Json;
import dev.ecsimage.output.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns what escapes a command into one clean line on stderr and its exit status: service errors
 * by the error-code table, configuration problems as 3, usage errors as 2, anything else as 1
 * (a bug). Stack traces only with --verbose.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    private final Context context;

    ErrorHandler(Context context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        EcsImageCommand root = (EcsImageCommand) cmd.getCommandSpec().root().userObject();
        boolean json = root.console().json();
        if (ex instanceof EcsException e) {
            if (json) {
                printJson(ErrorReport.json(e));
            } else {
                ErrorReport.print(root.console(), null, e, root.maxAttempts);
            }
            return ExitStatus.of(e.kind()).code;
        }
        if (ex instanceof ConfigException e) {
            if (json) {
                printJson(ErrorReport.json("ConfigurationError", e.getMessage(), ExitStatus.CONFIG));
            } else {
                Messages text = root.text();
                context.err().println("ecs-image: " + e.message(text));
                String hint = e.hint(text);
                if (hint != null && !root.quiet) {
                    context.err().println(text.get("hint.line", hint));
                }
            }
            return ExitStatus.CONFIG.code;
        }
        if (ex instanceof InterruptedException) {
            return ExitStatus.INTERRUPTED.code;
        }
        context.err().println(root.text().get(root.verbose ? "error.internal.verbose" : "error.internal", ex));
        if (root.verbose) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            context.err().print(trace);
        }
        return ExitStatus.INTERNAL.code;
    }

    private void printJson(ObjectNode error) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.set("error", error);
        context.err().println(Json.line(doc));
    }

    /**
     * A usage error in the run's language ({@link UsageMessage}): the message (which names the
     * option), where to look, status 2. A word that no command knows comes first, with the nearest
     * known one, even when picocli noticed a missing option first: {@code --too cn-shanghai} is a
     * misspelt {@code --to}, not a missing one.
     */
    static int usage(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        Messages text = ((EcsImageCommand) cmd.getCommandSpec().root().userObject()).text();
        PrintWriter err = cmd.getErr();
        err.println("ecs-image: " + UsageMessage.of(ex, text));
        err.println(text.get("usage.try-help", cmd.getCommandSpec().qualifiedName()));
        return ExitStatus.USAGE.code;
    }

    static int exitStatus(Throwable t) {
        return t instanceof ParameterException ? ExitStatus.USAGE.code : ExitStatus.INTERNAL.code;
    }
}
