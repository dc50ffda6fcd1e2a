package dev.ecsimage.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The aliyun CLI's {@code ~/.aliyun/config.json}: {@code {"current":"default","profiles":[{"name",
 * "mode",...}]}}. Modes (any case): AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole,
 * CredentialsURI, OIDC.
 */
final class AliyunConfigFile {
    private final Path path;
    private final String current;
    private final Map<String, Map<String, String>> profiles;

    private AliyunConfigFile(Path path, String current, Map<String, Map<String, String>> profiles) {
        this.path = path;
        this.current = current;
        this.profiles = profiles;
    }

    /** The file, or empty when it does not exist; unreadable or malformed is a {@link ConfigException}. */
    static Optional<AliyunConfigFile> read(Path path) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = CredentialsJson.MAPPER.readTree(Files.readString(path));
        } catch (JsonProcessingException e) {
            throw new ConfigException(path + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new ConfigException(path + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.path("profiles").isArray()) {
            throw new ConfigException(path + " has no \"profiles\" list");
        }
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        for (JsonNode profile : root.path("profiles")) {
            Map<String, String> values = new LinkedHashMap<>();
            profile.fields().forEachRemaining(f -> {
                if (f.getValue().isValueNode()) {
                    values.put(f.getKey(), f.getValue().asText());
                }
            });
            String name = values.get("name");
            if (name != null && !name.isBlank()) {
                profiles.putIfAbsent(name, values);
            }
        }
        return Optional.of(new AliyunConfigFile(path, Credentials.blankToNull(root.path("current").asText(null)), profiles));
    }

    Path path() {
        return path;
    }

    /** The profile named in {@code "current"}, or null. */
    String current() {
        return current;
    }

    Optional<ProfileFields> profile(String name) {
        return ProfileFields.lookup(profiles, name, "profile '" + name + "'", "mode", "in " + path);
    }

    /** The credentials of a profile that exists. */
    CredentialsProvider provider(ProfileFields profile, CredentialSources sources) {
        return provider(profile, sources, new HashSet<>());
    }

    private CredentialsProvider provider(ProfileFields p, CredentialSources sources, Set<String> visiting) {
        String label = p.where();
        String mode = p.required("mode");
        if (!visiting.add(p.required("name"))) {
            throw new ConfigException(label + ": source_profile loops back to '" + p.required("name") + "'");
        }
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "ak" -> sources.fixed(p.required("access_key_id"), p.required("access_key_secret"), null, label);
            case "ststoken" -> sources.fixed(p.required("access_key_id"), p.required("access_key_secret"),
                    p.required("sts_token"), label);
            case "ramrolearn" -> sources.assumeRole(
                    sources.fixed(p.required("access_key_id"), p.required("access_key_secret"), p.optional("sts_token"), label),
                    p.required("ram_role_arn"), p.optional("ram_session_name"),
                    p.seconds("expired_seconds", CredentialSources.DEFAULT_DURATION_SECONDS), label);
            case "chainableramrolearn" -> {
                String sourceName = p.required("source_profile");
                ProfileFields source = profile(sourceName).orElseThrow(() -> new ConfigException(
                        label + ": source_profile '" + sourceName + "' not found"));
                yield sources.assumeRole(provider(source, sources, visiting), p.required("ram_role_arn"),
                        p.optional("ram_session_name"),
                        p.seconds("expired_seconds", CredentialSources.DEFAULT_DURATION_SECONDS), label);
            }
            case "ecsramrole" -> sources.ecsRamRole(p.optional("ram_role_name"));
            case "credentialsuri" -> sources.credentialsUri(p.required("credentials_uri"), label);
            case "oidc" -> sources.oidc(p.required("ram_role_arn"), p.required("oidc_provider_arn"),
                    p.required("oidc_token_file"), p.optional("ram_session_name"), label);
            default -> throw new ConfigException(label + ": unsupported mode '" + mode + "' (supported: AK, StsToken, "
                    + "RamRoleArn, ChainableRamRoleArn, EcsRamRole, CredentialsURI, OIDC)");
        };
    }
}
