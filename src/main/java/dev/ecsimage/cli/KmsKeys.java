package dev.ecsimage.cli;

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

    /** Reads the items; throws IllegalArgumentException with the rule an item breaks. */
    static KmsKeys parse(List<String> items) {
        String plain = null;
        Map<String, String> byRegion = new LinkedHashMap<>();
        for (String item : items) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("an empty item: give KEY_ID, or REGION=KEY_ID per destination");
            }
            int eq = item.indexOf('=');
            if (eq < 0) {
                if (plain != null) {
                    throw new IllegalArgumentException("'" + plain + "' and '" + item + "': more than one key without "
                            + "a region: " + example());
                }
                plain = item;
                continue;
            }
            String region = item.substring(0, eq);
            String key = item.substring(eq + 1);
            String problem = CopyChecks.region(region);
            if (problem != null || key.isBlank()) {
                throw new IllegalArgumentException("'" + item + "' is not REGION=KEY_ID"
                        + (problem == null ? "" : ": '" + region + "' " + problem));
            }
            if (byRegion.putIfAbsent(region, key) != null) {
                throw new IllegalArgumentException("'" + item + "': " + region + " has a key already");
            }
        }
        if (plain != null && !byRegion.isEmpty()) {
            throw new IllegalArgumentException("'" + plain + "' has no region while others have one: " + example());
        }
        return new KmsKeys(plain, byRegion);
    }

    boolean isEmpty() {
        return plain == null && byRegion.isEmpty();
    }

    /**
     * Checks the keys against the destinations: a plain key needs exactly one, and every REGION=
     * must name one. Throws IllegalArgumentException with the rule.
     *
     * @param destinations the destinations, or null when not known yet ({@code --to all}: several)
     * @param to           how the user gave them, for the message ({@code --to cn-shanghai,cn-beijing})
     */
    void check(List<String> destinations, String to) {
        if (plain != null && (destinations == null || destinations.size() > 1)) {
            throw new IllegalArgumentException("'" + plain + "': KMS keys are regional, and " + to
                    + " has several destinations: " + example());
        }
        for (String region : byRegion.keySet()) {
            if (destinations != null && !destinations.contains(region)) {
                throw new IllegalArgumentException("'" + region + "=" + byRegion.get(region) + "': " + region
                        + " is not a destination of " + to);
            }
        }
    }

    /** The key for a copy to {@code region}: its own, the plain one (one destination), or null. */
    String forRegion(String region) {
        return plain != null ? plain : byRegion.get(region);
    }

    private static String example() {
        return "give one key per destination as REGION=KEY_ID (e.g. --kms-key-id cn-shanghai=KEY1,cn-beijing=KEY2); "
                + "a destination without one gets the service key";
    }
}
