package dev.ecsimage.auth;

import dev.ecsimage.output.Sentence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The credentials file of the Alibaba Cloud SDKs, {@code ~/.alibabacloud/credentials}: INI
 * sections with a {@code type} of {@code access_key}, {@code ram_role_arn}, {@code ecs_ram_role}
 * or {@code oidc_role_arn}. Lines starting with {@code #} or {@code ;} are comments.
 */
final class CredentialsIniFile {
    private final CredentialFile file;
    private final Map<String, Map<String, String>> sections;

    private CredentialsIniFile(CredentialFile file, Map<String, Map<String, String>> sections) {
        this.file = file;
        this.sections = sections;
    }

    /**
     * The file, or empty when it does not exist; unreadable or malformed is a {@link ConfigException}
     * that names the line, never its text (the file holds secrets).
     *
     * @param warnings receives a line when others may read the file, or null
     */
    static Optional<CredentialsIniFile> read(CredentialFile file, Consumer<Sentence> warnings) {
        Optional<String> text = file.text(warnings);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = text.get().lines().toList();
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
                throw new ConfigException(new Sentence("auth.ini.syntax", file.shown(), i + 1));
            }
        }
        return Optional.of(new CredentialsIniFile(file, sections));
    }

    String shown() {
        return file.shown();
    }

    /** The names of the sections, in file order. */
    List<String> names() {
        return List.copyOf(sections.keySet());
    }

    Optional<ProfileFields> section(String name) {
        return ProfileFields.lookup(sections, name, "type", "auth.where.section", file.shown());
    }

    /** The credentials of a section that exists. */
    CredentialsProvider provider(ProfileFields p, CredentialSources sources) {
        String label = p.where().english();
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
            default -> throw new ConfigException(new Sentence("auth.unsupported-type", p.where(), type));
        };
    }
}
