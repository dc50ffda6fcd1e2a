package dev.ecsimage.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Json} reads and writes with jackson-core alone what {@code ObjectMapper} read and wrote
 * before: the same trees (node types of numbers included) and the same bytes.
 */
class JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> DOCUMENTS = List.of(
            "{\"Progress\": \"45%\", \"RemainTime\": 9223372036854775807, \"Size\": 40}",
            "{\"Progress\": 47.5, \"big\": 92233720368547758070, \"neg\": -2147483649, \"int\": -2147483648}",
            "{\"tiny\": 1e-400, \"huge\": 1e400, \"exp\": 4.7E1, \"zero\": -0.0, \"frac\": 0.1000000000000000055511151231257827}",
            "{\"a\": 1, \"a\": {\"b\": [true, false, null, \"x\\u0000y\", \"\\u4e2d\u6587\"]}, \"c\": []}",
            "[1, [2, [3, {}]], \"end\"]",
            "\"just a string\"", "42", "null", "true",
            "{\"Images\": {\"Image\": [{\"ImageId\": \"m-1\", \"Tags\": {\"Tag\": [{\"TagKey\": \"k\", \"TagValue\": 7}]}}]}}",
            "{\"first\": 1} {\"second\": 2}", "{\"first\": 1} trailing garbage");

    @Test
    void readsTheTreesObjectMapperRead() throws Exception {
        for (String doc : DOCUMENTS) {
            JsonNode expected = MAPPER.readTree(doc);
            JsonNode actual = Json.parse(doc);
            assertEquals(expected, actual, doc);
            assertEquals(types(expected), types(actual), doc);
            assertEquals(expected, Json.parse(doc.getBytes(StandardCharsets.UTF_8)), doc);
        }
    }

    /** The node types all through a tree: equals() alone would take 1.0 (double) for 1.0 (float). */
    private static String types(JsonNode node) {
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName()).append('(').append(node.asText());
        node.forEach(child -> s.append(' ').append(types(child)));
        node.fieldNames().forEachRemaining(name -> s.append(' ').append(name));
        return s.append(')').toString();
    }

    @Test
    void noValueIsNullAndBrokenJsonThrowsWhereItBreaks() throws Exception {
        assertNull(Json.parse(""));
        assertNull(Json.parse("  \n "));
        assertNull(Json.parse(new byte[0]));
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> Json.parse("{\n  \"a\": tru }"));
        JsonProcessingException old = assertThrows(JsonProcessingException.class, () -> MAPPER.readTree("{\n  \"a\": tru }"));
        assertEquals(old.getLocation().getLineNr(), e.getLocation().getLineNr());
        assertEquals(old.getLocation().getColumnNr(), e.getLocation().getColumnNr());
        assertThrows(JsonProcessingException.class, () -> Json.parse("{\"a\": [1, 2}"));
        assertThrows(JsonProcessingException.class, () -> Json.parse("[".repeat(5000)));
    }

    @Test
    void writesTheBytesObjectMapperWrote() throws Exception {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator("");
        ObjectWriter pretty = MAPPER.writer(new DefaultPrettyPrinter(separators)
                .withArrayIndenter(new DefaultIndenter("  ", "\n")).withObjectIndenter(new DefaultIndenter("  ", "\n")));
        ObjectWriter line = MAPPER.writer(new DefaultPrettyPrinter(separators
                        .withObjectEntrySpacing(Separators.Spacing.AFTER).withArrayValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance)
                .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance));
        for (String doc : DOCUMENTS) {
            JsonNode tree = MAPPER.readTree(doc);
            tree = tree.isObject() ? MAPPER.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>setAll(
                    (com.fasterxml.jackson.databind.node.ObjectNode) tree).put("float", 1.5f)
                    .put("decimal", new java.math.BigDecimal("1.50")).set("empty", MAPPER.createObjectNode()) : tree;
            assertEquals(pretty.writeValueAsString(tree), Json.pretty(tree), doc);
            assertEquals(line.writeValueAsString(tree), Json.line(tree), doc);
            assertEquals(pretty.writeValueAsString(tree), Json.pretty(tree), "a second time: " + doc);
        }
        assertEquals("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}", Json.pretty(MAPPER.readTree("{\"a\":[1,{}],\"b\":[]}")));
        assertEquals("{\"a\": [1, {}], \"b\": \"\\u0001\"}", Json.line(MAPPER.readTree("{\"a\":[1,{}],\"b\":\"\\u0001\"}")));
    }
}
