package dev.ecsimage.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Every JSON document ecs-image prints, in one style: {@code "key": value} (as jq and the README
 * write it; Jackson's default is {@code "key" : value}), two-space indents, one element per line
 * in arrays too, and {@code []} / {@code {}} when empty. {@link #line} is the same on one line, for
 * an error on stderr that log readers take line by line.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(SEPARATORS)
            .withArrayIndenter(new DefaultIndenter("  ", "\n")).withObjectIndenter(new DefaultIndenter("  ", "\n")));
    private static final ObjectWriter LINE = MAPPER.writer(new DefaultPrettyPrinter(SEPARATORS
                    .withObjectEntrySpacing(Separators.Spacing.AFTER).withArrayValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance)
            .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance));

    private Json() {}

    /** The document indented, one member per line. */
    public static String pretty(JsonNode doc) {
        return write(PRETTY, doc);
    }

    /** The document on one line: {@code {"error": {"code": "X", "message": "..."}}}. */
    public static String line(JsonNode doc) {
        return write(LINE, doc);
    }

    private static String write(ObjectWriter writer, JsonNode doc) {
        try {
            return writer.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
