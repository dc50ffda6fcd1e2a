package dev.ecsimage.cli;

import dev.ecsimage.output.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which language a run speaks, first found wins: {@code --lang zh|en}; {@code ECS_IMAGE_LANG};
 * the {@code language} field of the aliyun CLI profile in use; {@code LC_ALL}, {@code LC_MESSAGES},
 * {@code LANG} ({@code zh_*} is Chinese, anything else English). The command line is scanned for
 * {@code --lang} and {@code --profile} before picocli parses it, since help and usage errors need
 * the language too, also when the parse fails.
 */
final class LanguageChoice {
    static final String VARIABLE = "ECS_IMAGE_LANG";
    /** The locale variables, in the order POSIX gives them precedence. */
    static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_MESSAGES", "LANG");

    private LanguageChoice() {}

    /** The profiles' language fields, asked only when neither {@code --lang} nor {@value #VARIABLE} decides. */
    interface Profiles {
        /** The {@code language} field of the profile in use; {@code profile} is {@code --profile}'s, or null. */
        Optional<String> language(String profile);

        /**
         * Whether some profile's language field may say something else than {@code language}: a
         * quick look, so that a run whose locale no profile can change does not parse the file.
         * True when unsure.
         */
        boolean maySayOtherThan(Language language);
    }

    static Language choose(List<String> args, Map<String, String> env, Profiles profiles) {
        Language option = option(optionValue(args, "--lang"));
        if (option != null) {
            return option;
        }
        String variable = env.get(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Language.ofLocale(variable);
        }
        Language locale = Language.en;
        for (String name : LOCALE_VARIABLES) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                locale = Language.ofLocale(value);
                break;
            }
        }
        if (!profiles.maySayOtherThan(locale)) {
            return locale;
        }
        Optional<String> profile = profiles.language(optionValue(args, "-p", "--profile"));
        return profile.isPresent() && !profile.get().isBlank() ? Language.ofLocale(profile.get()) : locale;
    }

    /**
     * Whether the aliyun CLI config {@code json} has a {@code "language"} field whose value is not
     * {@code language} (read without a JSON parser: a field it cannot read plainly counts as
     * saying something else).
     */
    static boolean mentionsOtherThan(String json, Language language) {
        String key = "\"language\"";
        for (int at = json.indexOf(key); at >= 0; at = json.indexOf(key, at + key.length())) {
            int i = at + key.length();
            while (i < json.length() && (Character.isWhitespace(json.charAt(i)) || json.charAt(i) == ':')) {
                i++;
            }
            int end = i < json.length() && json.charAt(i) == '"' ? json.indexOf('"', i + 1) : -1;
            if (end < 0) {
                return true;
            }
            String value = json.substring(i + 1, end);
            if (value.indexOf('\\') >= 0 || (!value.isBlank() && Language.ofLocale(value) != language)) {
                return true;
            }
        }
        return false;
    }

    /** {@code zh} or {@code en} in any case, else null (picocli then reports the bad value). */
    static Language option(String value) {
        for (Language l : Language.values()) {
            if (l.name().equalsIgnoreCase(value)) {
                return l;
            }
        }
        return null;
    }

    /**
     * The value of the last of the options {@code names} on the command line ({@code --lang zh},
     * {@code --lang=zh}, {@code -pNAME}), or null; nothing after {@code --} is an option.
     */
    static String optionValue(List<String> args, String... names) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            for (String name : names) {
                if (arg.equals(name)) {
                    value = i + 1 < args.size() ? args.get(i + 1) : null;
                } else if (arg.startsWith(name) && arg.length() > name.length() && arg.charAt(name.length()) == '=') {
                    value = arg.substring(name.length() + 1);
                } else if (name.length() == 2 && arg.startsWith(name) && !arg.startsWith("--")) {
                    value = arg.substring(2);
                }
            }
        }
        return value;
    }
}
