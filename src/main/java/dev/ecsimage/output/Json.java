package dev.ecsimage.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Every JSON document ecs-image reads or prints, with jackson-core's streaming parser and
 * generator: the trees are databind's {@link JsonNode}s, the very ones {@code ObjectMapper.readTree}
 * builds (same node types for every number), but without the start-up of an {@code ObjectMapper},
 * which only the sandbox uses.
 *
 * <p>Printed in one style: {@code "key": value} (as jq and the README write it; Jackson's default
 * is {@code "key" : value}), two-space indents, one element per line in arrays too, and {@code []}
 * / {@code {}} when empty. {@link #line} is the same on one line, for an error on stderr that log
 * readers take line by line.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The two styles, made when a document is first printed: a run that only reads JSON makes neither. */
    private static final class Printers {
        private static final Separators SEPARATORS = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(SEPARATORS)
                .withArrayIndenter(new DefaultIndenter("  ", "\n")).withObjectIndenter(new DefaultIndenter("  ", "\n"));
        private static final DefaultPrettyPrinter LINE = new DefaultPrettyPrinter(SEPARATORS
                        .withObjectEntrySpacing(Separators.Spacing.AFTER).withArrayValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance)
                .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance);
    }

    private Json() {}

    /** The document indented, one member per line. */
    public static String pretty(JsonNode doc) {
        return write(Printers.PRETTY.createInstance(), doc);
    }

    /** The document on one line: {@code {"error": {"code": "X", "message": "..."}}}. */
    public static String line(JsonNode doc) {
        return write(Printers.LINE.createInstance(), doc);
    }

    /**
     * The first JSON value of {@code text}, as {@code ObjectMapper.readTree} reads it (what follows
     * it is not looked at); null when the text holds none.
     */
    public static JsonNode parse(String text) throws JsonProcessingException {
        try (JsonParser parser = parser(text)) {
            return next(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("a string is always readable", e);
        }
    }

    /** {@link #parse} of UTF-8 (or UTF-16/32, told by its first bytes) bytes. */
    public static JsonNode parse(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            return next(parser);
        }
    }

    /** A parser over {@code text}, for a reader that wants to see what follows the first value. */
    public static JsonParser parser(String text) throws IOException {
        return FACTORY.createParser(text);
    }

    /** The next value of {@code parser} as a tree; null at the end of the input. */
    public static JsonNode next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        return token == null ? null : value(parser, token);
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected " + token); // the parser checks the syntax
        };
    }

    private static String write(PrettyPrinter style, JsonNode doc) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.setPrettyPrinter(style);
            write(out, doc);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree always serializes", e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    out.writeFieldName(field.getKey());
                    write(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> out.writeNumber(node.intValue());
                    case LONG -> out.writeNumber(node.longValue());
                    case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
                    case FLOAT -> out.writeNumber(node.floatValue());
                    case DOUBLE -> out.writeNumber(node.doubleValue());
                    default -> out.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }
}
