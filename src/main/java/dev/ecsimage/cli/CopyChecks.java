package dev.ecsimage.cli;

import dev.ecsimage.api.Tag;
import dev.ecsimage.output.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The local checks of CopyImage's parameters, written to match the API's documented rules
 * exactly and be no stricter (names may be Chinese). Each returns null when the value is fine,
 * else the rule it breaks, for a usage error that names the option and the value
 * ({@code --name 'a' must be 2 to 128 characters long (it has 1)}).
 */
final class CopyChecks {
    /** Letters (English or Chinese) first; then letters, digits, '.', ':', '_', '-'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z\\p{IsHan}][A-Za-z\\p{IsHan}0-9.:_-]*");
    private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");
    public static final int MAX_TAGS = 20;
    public static final int MAX_CLIENT_TOKEN = 64;

    private CopyChecks() {}

    static Sentence imageName(String name) {
        int length = name.codePointCount(0, name.length());
        if (length < 2 || length > 128) {
            return new Sentence("value.length", 2, 128, length);
        }
        if (startsWithUrl(name)) {
            return new Sentence("value.url-start");
        }
        if (name.startsWith("aliyun") || name.startsWith("acs:")) {
            return new Sentence("value.reserved-start");
        }
        if (!NAME.matcher(name).matches()) {
            return new Sentence("value.image-name");
        }
        return null;
    }

    static Sentence description(String description) {
        int length = description.codePointCount(0, description.length());
        if (length < 2 || length > 256) {
            return new Sentence("value.length", 2, 256, length);
        }
        return startsWithUrl(description) ? new Sentence("value.url-start") : null;
    }

    static Sentence region(String region) {
        return REGION.matcher(region).matches() ? null : new Sentence("value.not-a-region");
    }

    /**
     * The --tag items as tags, by the rules of {@link #tag}: at most {@value #MAX_TAGS}, one fewer
     * when ecs-image adds its provenance tag, whose key is then not the user's to set. Throws
     * {@link InvalidValue} with the message for the user, which names the option.
     */
    static List<Tag> tags(List<String> items, boolean provenanceTag) {
        int max = provenanceTag ? MAX_TAGS - 1 : MAX_TAGS;
        if (items.size() > max) {
            throw provenanceTag ? new InvalidValue("usage.tag.too-many.provenance", max, items.size(), MAX_TAGS,
                    ProvenanceTag.KEY) : new InvalidValue("usage.tag.too-many", max, items.size());
        }
        List<Tag> parsed = new ArrayList<>();
        for (String item : items) {
            Tag tag = parseTag(item);
            if (tag == null) {
                throw new InvalidValue("usage.tag.not-key-value", item);
            }
            Sentence problem = provenanceTag && tag.key().equals(ProvenanceTag.KEY)
                    ? new Sentence("value.tag.provenance-key", ProvenanceTag.KEY)
                    : tag(tag, parsed);
            if (problem != null) {
                throw new InvalidValue("usage.tag.item", item, problem);
            }
            parsed.add(tag);
        }
        return parsed;
    }

    /** KEY=VALUE; the value may be empty. */
    private static Tag parseTag(String text) {
        int eq = text.indexOf('=');
        return eq < 0 ? null : new Tag(text.substring(0, eq), text.substring(eq + 1));
    }

    /** A tag's own rules, and a key not given before: an image holds one value per tag key. */
    private static Sentence tag(Tag tag, List<Tag> earlier) {
        if (earlier.stream().anyMatch(t -> t.key().equals(tag.key()))) {
            return new Sentence("value.tag.key-twice", tag.key());
        }
        return tagRules(tag);
    }

    private static Sentence tagRules(Tag tag) {
        String key = tag.key();
        if (key.isEmpty() || key.length() > 128) {
            return new Sentence("value.tag.key-length");
        }
        if (key.startsWith("aliyun") || key.startsWith("acs:")) {
            return new Sentence("value.tag.key-reserved");
        }
        if (key.contains("http://") || key.contains("https://")) {
            return new Sentence("value.tag.key-url");
        }
        if (tag.value().length() > 128) {
            return new Sentence("value.tag.value-length");
        }
        return tag.value().startsWith("acs:") ? new Sentence("value.tag.value-reserved") : null;
    }

    static Sentence clientToken(String token) {
        if (token.isEmpty() || token.length() > MAX_CLIENT_TOKEN) {
            return new Sentence("value.token-length", MAX_CLIENT_TOKEN);
        }
        return token.chars().allMatch(c -> c > 32 && c < 127) ? null : new Sentence("value.token-ascii");
    }

    private static boolean startsWithUrl(String s) {
        return s.startsWith("http://") || s.startsWith("https://");
    }
}
