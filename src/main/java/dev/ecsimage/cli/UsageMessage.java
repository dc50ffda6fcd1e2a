package dev.ecsimage.cli;

import dev.ecsimage.output.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error in the user's language. picocli's own errors (a missing option or value, a bad
 * value, an option given twice, an unknown word) are English and cannot be translated through its
 * resource bundle, so each is said here from the exception's parts; the English sentences are
 * picocli's. What ecs-image's own checks throw is already in the user's language and is kept.
 */
final class UsageMessage {
    /** picocli's wording of a value that is missing because another option came instead. */
    private static final Pattern EXPECTED = Pattern.compile("Expected parameter for option '(.*)' but found '(.*)'");

    private UsageMessage() {}

    static String of(ParameterException ex, Messages text) {
        CommandLine cmd = ex.getCommandLine();
        List<String> unmatched = cmd.getUnmatchedArguments();
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            unmatched = u.getUnmatched();
        }
        if (!unmatched.isEmpty()) {
            return UnknownWord.describe(cmd, unmatched, text);
        }
        if (ex instanceof MissingParameterException m) {
            return missing(m, text);
        }
        if (ex instanceof OverwrittenOptionException o && o.getOverwritten() instanceof OptionSpec option) {
            return text.get("usage.given-twice", option.longestName());
        }
        if (ex.getArgSpec() instanceof OptionSpec option && ex.getCause() instanceof TypeConversionException c) {
            return text.get("usage.invalid-value", option.longestName(), reason(option, ex.getValue(), c, text));
        }
        return ex.getMessage();
    }

    private static String missing(MissingParameterException m, Messages text) {
        String message = String.valueOf(m.getMessage());
        Matcher expected = EXPECTED.matcher(message);
        if (expected.matches()) {
            return text.get("usage.value-expected", expected.group(1), expected.group(2));
        }
        List<OptionSpec> options = m.getMissing().stream().filter(ArgSpec::isOption).map(a -> (OptionSpec) a).toList();
        if (options.isEmpty() || options.size() != m.getMissing().size()) {
            return message;
        }
        if (message.startsWith("Missing required parameter for option")) {
            return text.get("usage.missing-value", options.get(0).longestName(), options.get(0).paramLabel());
        }
        List<String> names = options.stream()
                .map(o -> "'" + o.longestName() + (o.arity().max() > 0 ? "=" + o.paramLabel() : "") + "'").toList();
        return text.count("usage.missing-option", names.size(), text.list(names));
    }

    /** Why {@code value} is not a value of {@code option}. */
    private static String reason(OptionSpec option, String value, TypeConversionException c, Messages text) {
        if (c instanceof InvalidValue invalid) {
            return invalid.in(text);
        }
        Class<?> type = option.type();
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
            return text.get("value.one-of", text.list(names), value);
        }
        if (type == int.class || type == Integer.class) {
            return text.get("value.not-an-int", value);
        }
        if (type == boolean.class || type == Boolean.class) {
            return text.get("value.not-a-boolean", value);
        }
        return c.getMessage();
    }
}
