package dev.ecsimage.auth;

import dev.ecsimage.output.Sentence;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one profile (a config.json profile or an ini section), and the words that
 * name it in messages, e.g. {@code profile 'ci' (mode RamRoleArn) in /home/me/.aliyun/config.json}.
 */
record ProfileFields(Sentence where, Map<String, String> values) {

    /**
     * The entry {@code name} of a file's entries, named e.g. {@code profile 'ci' (mode AK) in FILE}.
     *
     * @param kindKey  the setting that says which kind of source it is ({@code mode}, {@code type})
     * @param whereKey the catalogue's words for an entry of that file ({@code auth.where.profile}),
     *                 with {@code .kind} when the kind is known
     */
    static Optional<ProfileFields> lookup(Map<String, Map<String, String>> entries, String name, String kindKey,
                                          String whereKey, String file) {
        Map<String, String> values = entries.get(name);
        if (values == null) {
            return Optional.empty();
        }
        String kind = values.get(kindKey);
        return Optional.of(new ProfileFields(kind == null ? new Sentence(whereKey, name, file)
                : new Sentence(whereKey + ".kind", name, kind, file), values));
    }

    /** The value, or null when absent or blank. */
    String optional(String key) {
        return Credentials.blankToNull(values.get(key));
    }

    String required(String key) {
        String value = optional(key);
        if (value == null) {
            throw new ConfigException(new Sentence("auth.field-missing", where, key));
        }
        return value;
    }

    /** A positive number of seconds, or {@code fallback} when absent or 0. */
    int seconds(String key, int fallback) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0) {
                return seconds == 0 ? fallback : seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(new Sentence("auth.not-seconds", where, key, value));
    }
}
