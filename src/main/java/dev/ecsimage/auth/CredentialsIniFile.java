package dev.ecsimage.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials file of the Alibaba Cloud SDKs, {@code ~/.alibabacloud/credentials}: INI
 * sections with a {@code type} of {@code access_key}, {@code ram_role_arn}, {@code ecs_ram_role}
 * or {@code oidc_role_arn}. Lines starting with {@code #} or {@code ;} are comments.
 */
final class CredentialsIniFile {
    private final Path path;
    private final Map<String, Map<String, String>> sections;

    private CredentialsIniFile(Path path, Map<String, Map<String, String>> sections) {
        this.path = path;
        this.sections = sections;
    }

    /** The file, or empty when it does not exist; unreadable or malformed is a {@link ConfigException}. */
    static Optional<CredentialsIniFile> read(Path path) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new ConfigException(path + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (line.startsWith("[") && line.endsWith("]")) {
                section = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
            } else if (equals > 0 && section != null) {
                section.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            } else {
                throw new ConfigException(path + " line " + (i + 1) + ": expected [section] or key = value");
            }
        }
        return Optional.of(new CredentialsIniFile(path, sections));
    }

    Path path() {
        return path;
    }

    Optional<ProfileFields> section(String name) {
        return ProfileFields.lookup(sections, name, "section [" + name + "]", "type", "of " + path);
    }

    /** The credentials of a section that exists. */
    CredentialsProvider provider(ProfileFields p, CredentialSources sources) {
        String label = p.where();
        String type = p.required("type");
        return switch (type) {
            case "access_key" -> sources.fixed(p.required("access_key_id"), p.required("access_key_secret"), null, label);
            case "ram_role_arn" -> sources.assumeRole(
                    sources.fixed(p.required("access_key_id"), p.required("access_key_secret"), null, label),
                    p.required("role_arn"), p.optional("role_session_name"),
                    p.seconds("duration_seconds", CredentialSources.DEFAULT_DURATION_SECONDS), label);
            case "ecs_ram_role" -> sources.ecsRamRole(p.optional("role_name"));
            case "oidc_role_arn" -> sources.oidc(p.required("role_arn"), p.required("oidc_provider_arn"),
                    p.required("oidc_token_file_path"), p.optional("role_session_name"), label);
            default -> throw new ConfigException(label + ": unsupported type '" + type
                    + "' (supported: access_key, ram_role_arn, ecs_ram_role, oidc_role_arn)");
        };
    }
}
