package dev.ecsimage.output;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.copyset.CopyError;
import dev.ecsimage.copyset.CopySetJson;
import java.io.PrintWriter;

/**
 * How one error is shown: the line {@code ecs-image: Code: Message (HTTP 403, RequestId X)},
 * a hint where one helps, the Recommend URL with --verbose; or its JSON object for {@code -o json}.
 * The code and the service's message stay as the service said them, in whatever language; the
 * hint around them is in the user's: the catalogue's {@code hint.code.CODE}, where there is one.
 * ecs-image's own words in an error's message (a network failure, an answer that cannot be used)
 * are kept too: the message is a field of {@code -o json}, the same in every language, and the
 * code says what it is. Only an error ecs-image concludes itself ({@link SentenceError}) is said
 * in the user's language.
 */
public final class ErrorReport {
    private ErrorReport() {}

    static String line(String prefix, EcsException e, Messages text) {
        String described = e instanceof SentenceError own ? e.code() + ": " + own.sentence().in(text) : e.describe();
        return "ecs-image: " + (prefix == null ? "" : prefix + ": ") + described;
    }

    static String hint(EcsException e, int maxAttempts, Messages text) {
        String code = e.code();
        if (code.equals("Forbbiden") || code.startsWith("Forbidden")) {
            return text.get("hint.ram");
        }
        if (e.isTransient()) {
            return text.count("hint.gave-up", maxAttempts);
        }
        return text.find("hint.code." + code);
    }

    /**
     * Prints the error (and hint, unless quiet) to stderr.
     *
     * @param prefix      the destination region the error is about, or null
     * @param maxAttempts how many attempts a transient failure had, for its hint
     */
    public static void print(Console console, String prefix, EcsException e, int maxAttempts) {
        PrintWriter err = console.err();
        Messages text = console.text();
        err.println(line(prefix, e, text));
        String hint = hint(e, maxAttempts, text);
        if (hint != null && !console.quiet()) {
            err.println(text.get("hint.line", hint));
        }
        if (console.verbose() && e.recommend() != null) {
            err.println(text.get("see.line", e.recommend()));
        }
    }

    public static ObjectNode json(EcsException e) {
        return CopySetJson.error(CopyError.of(e));
    }

    public static ObjectNode json(String code, String message, ExitStatus status) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("code", code);
        o.put("message", message);
        o.putNull("requestId");
        o.putNull("httpStatus");
        o.put("exitStatus", status.code);
        return o;
    }
}
