package dev.ecsimage.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answer in the service's XML form: the JSON tree under {@code <ActionResponse>} (or
 * {@code <Error>}), each array as repeated elements named like its field
 * ({@code <Images><Image>..</Image><Image>..</Image></Images>}).
 */
final class XmlAnswer {
    private XmlAnswer() {}

    static String render(String root, JsonNode body) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        element(xml, root, body);
        return xml.toString();
    }

    private static void element(StringBuilder xml, String name, JsonNode node) {
        if (node.isArray()) {
            node.forEach(item -> element(xml, name, item));
            return;
        }
        xml.append('<').append(name).append('>');
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> element(xml, e.getKey(), e.getValue()));
        } else {
            xml.append(escape(node.asText()));
        }
        xml.append("</").append(name).append('>');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
