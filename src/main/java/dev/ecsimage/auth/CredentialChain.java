package dev.ecsimage.auth;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the credentials and default region the way the official tools do; first match wins.
 * (Placeholder: environment keys only. The full chain is being built.)
 */
public final class CredentialChain {
    private final Map<String, String> env;
    private final Path home;

    public CredentialChain(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    /** @param profile {@code --profile}, or null */
    public CredentialsProvider resolve(String profile) {
        String id = env.get("ALIBABA_CLOUD_ACCESS_KEY_ID");
        String secret = env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        if (id == null || secret == null) {
            throw new ConfigException("no credentials found: tried environment ALIBABA_CLOUD_ACCESS_KEY_ID");
        }
        Credentials c = Credentials.of(id, secret, env.get("ALIBABA_CLOUD_SECURITY_TOKEN"), "environment");
        return () -> c;
    }

    /** The region when {@code --region} is absent. */
    public Optional<String> defaultRegion(String profile) {
        return Optional.ofNullable(env.get("ALIBABA_CLOUD_REGION_ID"));
    }
}
