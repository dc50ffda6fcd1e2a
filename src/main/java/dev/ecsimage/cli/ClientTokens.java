package dev.ecsimage.cli;

import dev.ecsimage.transport.Acs3Signer;

/**
 * One ClientToken per destination. With one destination the token is used as given. With
 * several, each destination gets {@code TOKEN-REGION}; when that would pass the API's 64
 * characters, the token's start, a dash and 16 hex digits of SHA-256(TOKEN, REGION). The same
 * inputs always give the same token, so a re-run with the same --client-token is idempotent.
 */
final class ClientTokens {
    private ClientTokens() {}

    static String forDestination(String token, String region, int destinations) {
        if (destinations == 1) {
            return token;
        }
        String plain = token + "-" + region;
        if (plain.length() <= CopyChecks.MAX_CLIENT_TOKEN) {
            return plain;
        }
        String digest = Acs3Signer.sha256Hex(token + "\n" + region).substring(0, 16);
        return token.substring(0, CopyChecks.MAX_CLIENT_TOKEN - 17) + "-" + digest;
    }
}
