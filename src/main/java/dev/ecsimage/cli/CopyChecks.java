package dev.ecsimage.cli;

import dev.ecsimage.api.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The local checks of CopyImage's parameters, written to match the API's documented rules
 * exactly and be no stricter (names may be Chinese). Each returns null when the value is fine,
 * else the rule it breaks, for a usage error that names the option.
 */
final class CopyChecks {
    /** Letters (English or Chinese) first; then letters, digits, '.', ':', '_', '-'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z\\p{IsHan}][A-Za-z\\p{IsHan}0-9.:_-]*");
    private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");
    public static final int MAX_TAGS = 20;
    public static final int MAX_CLIENT_TOKEN = 64;

    private CopyChecks() {}

    static String imageName(String name) {
        int length = name.codePointCount(0, name.length());
        if (length < 2 || length > 128) {
            return "must be 2 to 128 characters long (it has " + length + ")";
        }
        if (startsWithUrl(name)) {
            return "must not start with http:// or https://";
        }
        if (name.startsWith("aliyun") || name.startsWith("acs:")) {
            return "must not start with 'aliyun' or 'acs:'";
        }
        if (!NAME.matcher(name).matches()) {
            return "must start with a letter (English or Chinese) and contain only letters, digits, "
                    + "'.', ':', '_' and '-'";
        }
        return null;
    }

    static String description(String description) {
        int length = description.codePointCount(0, description.length());
        if (length < 2 || length > 256) {
            return "must be 2 to 256 characters long (it has " + length + ")";
        }
        return startsWithUrl(description) ? "must not start with http:// or https://" : null;
    }

    static String region(String region) {
        return REGION.matcher(region).matches() ? null
                : "is not a region id (like cn-hangzhou or ap-southeast-1)";
    }

    /**
     * The --tag items as tags, by the rules of {@link #tag}: at most {@value #MAX_TAGS}, one fewer
     * when ecs-image adds its provenance tag, whose key is then not the user's to set. Throws
     * IllegalArgumentException with the message for the user, which names the option.
     */
    static List<Tag> tags(List<String> items, boolean provenanceTag) {
        int max = provenanceTag ? MAX_TAGS - 1 : MAX_TAGS;
        if (items.size() > max) {
            throw new IllegalArgumentException("--tag: at most " + max + " tags (got " + items.size() + ")"
                    + (provenanceTag ? ": an image holds " + MAX_TAGS + ", and ecs-image adds " + ProvenanceTag.KEY
                            + " (--no-provenance-tag leaves it off)" : ""));
        }
        List<Tag> parsed = new ArrayList<>();
        for (String item : items) {
            Tag tag = parseTag(item);
            if (tag == null) {
                throw new IllegalArgumentException("--tag '" + item + "' must be KEY=VALUE");
            }
            String problem = provenanceTag && tag.key().equals(ProvenanceTag.KEY)
                    ? "ecs-image sets " + ProvenanceTag.KEY + " itself, to SOURCE_REGION/SOURCE_IMAGE_ID "
                            + "(--no-provenance-tag leaves it off)"
                    : tag(tag, parsed);
            if (problem != null) {
                throw new IllegalArgumentException("--tag '" + item + "': " + problem);
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
    private static String tag(Tag tag, List<Tag> earlier) {
        if (earlier.stream().anyMatch(t -> t.key().equals(tag.key()))) {
            return "key '" + tag.key() + "' is given twice: an image holds one value per tag key";
        }
        return tagRules(tag);
    }

    private static String tagRules(Tag tag) {
        String key = tag.key();
        if (key.isEmpty() || key.length() > 128) {
            return "key must be 1 to 128 characters long";
        }
        if (key.startsWith("aliyun") || key.startsWith("acs:")) {
            return "key must not start with 'aliyun' or 'acs:'";
        }
        if (key.contains("http://") || key.contains("https://")) {
            return "key must not contain http:// or https://";
        }
        if (tag.value().length() > 128) {
            return "value must be at most 128 characters long";
        }
        return tag.value().startsWith("acs:") ? "value must not start with 'acs:'" : null;
    }

    static String clientToken(String token) {
        if (token.isEmpty() || token.length() > MAX_CLIENT_TOKEN) {
            return "must be 1 to " + MAX_CLIENT_TOKEN + " characters long";
        }
        return token.chars().allMatch(c -> c > 32 && c < 127) ? null
                : "must be printable ASCII without spaces";
    }

    private static boolean startsWithUrl(String s) {
        return s.startsWith("http://") || s.startsWith("https://");
    }
}
