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

    /** Reads the items; throws {@link InvalidValue} with the message for the user, which names the option. */
    static List<String> parse(List<String> items) {
        List<String> accounts = new ArrayList<>();
        for (String item : items) {
            if (item.isBlank()) {
                throw new InvalidValue("usage.share.empty-item");
            }
            if (!item.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidValue("usage.share.not-an-account", item);
            }
            if (accounts.contains(item)) {
                throw new InvalidValue("usage.share.twice", item);
            }
            accounts.add(item);
        }
        if (accounts.size() > MAX) {
            throw new InvalidValue("usage.share.too-many", MAX, accounts.size());
        }
        return List.copyOf(accounts);
    }
}
