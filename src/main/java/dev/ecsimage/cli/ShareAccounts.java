package dev.ecsimage.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The accounts of {@code copy --share-with}: Alibaba Cloud account ids (digits only), each once,
 * at most {@value #MAX} (an image can be shared with no more), in the order given.
 */
final class ShareAccounts {
    static final int MAX = 50;

    private ShareAccounts() {}

    /** Reads the items; throws IllegalArgumentException with the message for the user, which names the option. */
    static List<String> parse(List<String> items) {
        List<String> accounts = new ArrayList<>();
        for (String item : items) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("--share-with: an empty item: give account ids separated by commas");
            }
            if (!item.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("--share-with '" + item + "' is not an account id: an Alibaba "
                        + "Cloud account id is digits only (like 1234567890123456)");
            }
            if (accounts.contains(item)) {
                throw new IllegalArgumentException("--share-with '" + item + "' is given twice");
            }
            accounts.add(item);
        }
        if (accounts.size() > MAX) {
            throw new IllegalArgumentException("--share-with: at most " + MAX + " accounts (got " + accounts.size()
                    + "): an image can be shared with no more");
        }
        return List.copyOf(accounts);
    }
}
