package dev.ecsimage.cli;

import dev.ecsimage.output.Sentence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KMS keys of --kms-key-id. KMS keys are regional, so each destination has its own:
 * {@code REGION=KEY_ID} items (repeatable, comma-separated). A plain {@code KEY_ID} is taken only
 * when there is exactly one destination. A destination without a key gets none: with
 * --encrypted, the service key.
 *
 * @param plain    the one plain KEY_ID, or null
 * @param byRegion REGION=KEY_ID items, in the order given
 */
record KmsKeys(String plain, Map<String, String> byRegion) {
    static final KmsKeys NONE = new KmsKeys(null, Map.of());
    /** How to give keys when there are several destinations, the end of several messages. */
    private static final Sentence EXAMPLE = new Sentence("usage.kms.example");

    /** Reads the items; throws {@link InvalidValue} with the rule an item breaks, which names the option. */
    static KmsKeys parse(List<String> items) {
        String plain = null;
        Map<String, String> byRegion = new LinkedHashMap<>();
        for (String item : items) {
            if (item.isBlank()) {
                throw new InvalidValue("usage.kms.empty-item");
            }
            int eq = item.indexOf('=');
            if (eq < 0) {
                if (plain != null) {
                    throw new InvalidValue("usage.kms.two-plain", plain, item, EXAMPLE);
                }
                plain = item;
                continue;
            }
            String region = item.substring(0, eq);
            String key = item.substring(eq + 1);
            Sentence problem = CopyChecks.region(region);
            if (problem != null) {
                throw new InvalidValue("usage.kms.bad-region", item, region, problem);
            }
            if (key.isBlank()) {
                throw new InvalidValue("usage.kms.not-region-key", item);
            }
            if (byRegion.putIfAbsent(region, key) != null) {
                throw new InvalidValue("usage.kms.region-twice", item, region);
            }
        }
        if (plain != null && !byRegion.isEmpty()) {
            throw new InvalidValue("usage.kms.plain-among-regions", plain, EXAMPLE);
        }
        return new KmsKeys(plain, byRegion);
    }

    boolean isEmpty() {
        return plain == null && byRegion.isEmpty();
    }

    /**
     * Checks the keys against the destinations: a plain key needs exactly one, and every REGION=
     * must name one. Throws {@link InvalidValue} with the rule.
     *
     * @param destinations the destinations, or null when not known yet ({@code --to all}: several)
     * @param to           how the user gave them, for the message ({@code --to cn-shanghai,cn-beijing})
     */
    void check(List<String> destinations, String to) {
        if (plain != null && (destinations == null || destinations.size() > 1)) {
            throw new InvalidValue("usage.kms.regional", plain, to, EXAMPLE);
        }
        for (String region : byRegion.keySet()) {
            if (destinations != null && !destinations.contains(region)) {
                throw new InvalidValue("usage.kms.not-a-destination", region + "=" + byRegion.get(region), region, to);
            }
        }
    }

    /** The key for a copy to {@code region}: its own, the plain one (one destination), or null. */
    String forRegion(String region) {
        return plain != null ? plain : byRegion.get(region);
    }
}
