package dev.ecsimage.sandbox;

import java.util.List;
import java.util.Map;

/**
 * What the simulated account holds about one image, for tests that check the sandbox's state
 * ("which KMS key did the copy to cn-beijing get?", "who is it shared with?"). A copy of the
 * state at the time of asking.
 *
 * @param sharedWith the accounts it is shared with, in the order of sharing
 * @param isPublic   a public (system) image, or one of the account's published as a community image
 */
public record ImageView(String id, String region, String name, String ownerAlias, String status,
                        Encryption encryption, Map<String, String> tags, List<String> sharedWith, boolean isPublic) {
}
