package dev.ecsimage.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsimage.output.Json;
import dev.ecsimage.transport.ControlCharacters;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.TokenRedaction;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the service's JSON answers. Lenient where the service is (unknown fields ignored,
 * numbers as strings, {@code "47%"}), strict about shape: anything that is not a JSON object
 * becomes an {@link EcsException} that names the HTTP status and the start of the body.
 * Defensive about values: every text has its control characters escaped, and numbers out of
 * their range (a progress of 250 %, a remaining time of 290 million years) are clamped or dropped.
 */
final class ResponseParser {
    private static final int BODY_PREVIEW = 120;

    private ResponseParser() {}

    /** The answer's JSON on success; the service's error, or a clear one for an unreadable body. */
    static JsonNode parse(RawResponse raw) {
        JsonNode node;
        try {
            node = raw.body().isBlank() ? null : Json.parse(raw.body());
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw EcsException.badResponse(raw.status(), "unexpected answer from " + raw.endpoint() + ": HTTP "
                    + raw.status() + ", " + preview(raw.body()));
        }
        boolean ok = raw.status() >= 200 && raw.status() < 300;
        if (!ok) {
            String code = text(node, "Code");
            if (code == null || code.isBlank()) {
                throw EcsException.badResponse(raw.status(), "unexpected answer from " + raw.endpoint()
                        + ": HTTP " + raw.status() + " without an error code, " + preview(raw.body()));
            }
            String message = text(node, "Message");
            throw new EcsException(code, message == null ? "no message" : TokenRedaction.redact(message),
                    text(node, "RequestId"), raw.status(), text(node, "Recommend"));
        }
        return node;
    }

    /** The start of a body for a message: whitespace runs as one space, control characters escaped. */
    static String preview(String body) {
        if (body.isBlank()) {
            return "empty body";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return "body starts with \"" + ControlCharacters.escape(
                flat.length() > BODY_PREVIEW ? flat.substring(0, BODY_PREVIEW) + "..." : flat) + "\"";
    }

    /** A text, number or boolean field as text (control characters escaped); null when absent, null or not a value. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? null : ControlCharacters.escape(v.asText());
    }

    /** A number that may arrive as 47, "47", "47%", "47.5" or not at all; null when it is not a finite number. */
    static Double decimal(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        s = s.trim();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@link #decimal} cut to a whole number (beyond the range of a long: the nearest end of it). */
    static Long number(JsonNode node, String field) {
        Double d = decimal(node, field);
        return d == null ? null : (long) d.doubleValue();
    }

    static List<Image> images(String region, JsonNode answer) {
        List<Image> images = new ArrayList<>();
        for (JsonNode i : answer.path("Images").path("Image")) {
            if (!i.isObject()) {
                continue;
            }
            images.add(new Image(region, text(i, "ImageId"), text(i, "ImageName"), text(i, "Status"),
                    progress(i), remainingSeconds(i), text(i, "ImageOwnerAlias"), tags(i)));
        }
        return images;
    }

    /** {@code Tags.Tag[]} ({@code TagKey}, {@code TagValue}) in order; a tag without a key is skipped. */
    private static Map<String, String> tags(JsonNode image) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : image.path("Tags").path("Tag")) {
            String key = text(tag, "TagKey");
            if (key != null) {
                String value = text(tag, "TagValue");
                tags.put(key, value == null ? "" : value);
            }
        }
        return tags;
    }

    static List<EcsRegion> regions(JsonNode answer) {
        List<EcsRegion> regions = new ArrayList<>();
        for (JsonNode r : answer.path("Regions").path("Region")) {
            regions.add(new EcsRegion(text(r, "RegionId"), text(r, "LocalName"), text(r, "RegionEndpoint"),
                    text(r, "Status")));
        }
        return regions;
    }

    static List<SharedAccount> sharedAccounts(JsonNode answer) {
        List<SharedAccount> accounts = new ArrayList<>();
        for (JsonNode a : answer.path("Accounts").path("Account")) {
            String id = text(a, "AliyunId");
            if (id != null) {
                accounts.add(new SharedAccount(id, instant(text(a, "SharedTime"))));
            }
        }
        return accounts;
    }

    /** An ISO-8601 time such as {@code 2023-01-01T12:05:00Z}; null when absent or unreadable. */
    private static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Percent, clamped to 0..100; null when absent or not a finite number. */
    private static Integer progress(JsonNode image) {
        Double p = decimal(image, "Progress");
        return p == null ? null : (int) Math.max(0, Math.min(100, p.doubleValue()));
    }

    /**
     * The longest RemainTime of the image's disks, in seconds: the copy ends when its last disk
     * does. Null when no disk says, or when one says something that is no estimate (negative, or
     * more than {@link Image#MAX_REMAINING}).
     */
    private static Long remainingSeconds(JsonNode image) {
        Long remaining = null;
        for (JsonNode disk : image.path("DiskDeviceMappings").path("DiskDeviceMapping")) {
            if (!disk.isObject() || disk.get("RemainTime") == null || disk.get("RemainTime").isNull()) {
                continue;
            }
            Long r = number(disk, "RemainTime");
            if (r == null || r < 0 || r > Image.MAX_REMAINING.toSeconds()) {
                return null;
            }
            remaining = remaining == null ? r : Math.max(remaining, r);
        }
        return remaining;
    }
}
