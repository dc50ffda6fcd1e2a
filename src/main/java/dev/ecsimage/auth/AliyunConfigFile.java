package dev.ecsimage.auth;

import dev.ecsimage.output.Json;
import dev.ecsimage.output.Sentence;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The aliyun CLI's {@code ~/.aliyun/config.json}: {@code {"current":"default","profiles":[{"name",
 * "mode",...}]}}. Modes (any case): AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole,
 * CredentialsURI, OIDC, External. The modes that need a browser sign-in or cannot sign an ECS
 * call get a message that says what to use instead.
 */
final class AliyunConfigFile {
    /** What to do instead of a mode ecs-image cannot use. */
    private static final Sentence OTHER_MODE_HINT = new Sentence("hint.other-profile-mode");

    /**
     * The modes the aliyun CLI writes but ecs-image does not use (in lower case); why each is
     * refused is the catalogue's {@code auth.mode.NAME}.
     */
    private static final Set<String> UNUSABLE_MODES = Set.of("cloudsso", "oauth", "bearertoken", "anonymous",
            "rsakeypair", "ramrolearnwithrolename");

    private final CredentialFile file;
    private final String current;
    private final Map<String, Map<String, String>> profiles;

    private AliyunConfigFile(CredentialFile file, String current, Map<String, Map<String, String>> profiles) {
        this.file = file;
        this.current = current;
        this.profiles = profiles;
    }

    /**
     * The file, or empty when it does not exist; unreadable or malformed is a {@link ConfigException}
     * that names where, never what (the file holds secrets).
     *
     * @param warnings receives a line when others may read the file, or null
     */
    static Optional<AliyunConfigFile> read(CredentialFile file, Consumer<Sentence> warnings) {
        Optional<String> text = file.text(warnings);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = Json.parse(text.get());
        } catch (JsonProcessingException e) {
            throw new ConfigException(new Sentence("auth.config.not-json", file.shown(), e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr()));
        }
        if (root == null || !root.path("profiles").isArray()) {
            throw new ConfigException(new Sentence("auth.config.no-profiles", file.shown()));
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
        return Optional.of(new AliyunConfigFile(file, Credentials.blankToNull(root.path("current").asText(null)), profiles));
    }

    String shown() {
        return file.shown();
    }

    /** The profile named in {@code "current"}, or null. */
    String current() {
        return current;
    }

    /** The names of the profiles, in file order. */
    List<String> names() {
        return List.copyOf(profiles.keySet());
    }

    Optional<ProfileFields> profile(String name) {
        return ProfileFields.lookup(profiles, name, "mode", "auth.where.profile", file.shown());
    }

    /** The credentials of a profile that exists. */
    CredentialsProvider provider(ProfileFields profile, CredentialSources sources) {
        return provider(profile, sources, new HashSet<>());
    }

    private CredentialsProvider provider(ProfileFields p, CredentialSources sources, Set<String> visiting) {
        Sentence where = p.where();
        String label = where.english();
        String mode = p.required("mode");
        if (!visiting.add(p.required("name"))) {
            throw new ConfigException(new Sentence("auth.source-profile-loop", where, p.required("name")));
        }
        String key = mode.toLowerCase(Locale.ROOT);
        return switch (key) {
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
                        new Sentence("auth.source-profile-missing", where, sourceName)));
                yield sources.assumeRole(provider(source, sources, visiting), p.required("ram_role_arn"),
                        p.optional("ram_session_name"),
                        p.seconds("expired_seconds", CredentialSources.DEFAULT_DURATION_SECONDS), label);
            }
            case "ecsramrole" -> sources.ecsRamRole(p.optional("ram_role_name"));
            case "credentialsuri" -> sources.credentialsUri(p.required("credentials_uri"), label);
            case "oidc" -> sources.oidc(p.required("ram_role_arn"), p.required("oidc_provider_arn"),
                    p.required("oidc_token_file"), p.optional("ram_session_name"), label);
            case "external" -> sources.external(p.required("process_command"), label);
            default -> throw UNUSABLE_MODES.contains(key)
                    ? new ConfigException(new Sentence("auth.unusable-mode", where, mode, new Sentence("auth.mode." + key)),
                            OTHER_MODE_HINT)
                    : new ConfigException(new Sentence("auth.unknown-mode", where, mode));
        };
    }
}
