package dev.ecsimage.output;

import java.util.EnumMap;
import java.util.Map;

/**
 * The catalogue of what ecs-image says at run time, in one language: errors, hints, progress words,
 * summaries, the sandbox's banner and table. Each sentence has a key; {@code messages_en.properties}
 * and {@code messages_zh.properties} (next to this class) hold the texts, and a test checks that
 * both have the same keys. Arguments are {@code {0}}, {@code {1}}... and nothing else is special
 * (no MessageFormat quoting). A catalogue is read at its first sentence, so a run that says
 * nothing reads none, and an English run never reads the Chinese file. An argument may be a
 * {@link Sentence}, said in the same language, or a list (see {@link #said}).
 *
 * <p>Help text is not here: English help lives in the command annotations, Chinese help in
 * {@code cli/help_zh.properties} (see {@code cli/HelpLanguage}).
 */
public final class Messages {
    private static final Map<Language, Messages> CATALOGUES = new EnumMap<>(Language.class);

    private final Language language;
    private Map<String, String> texts;

    private Messages(Language language) {
        this.language = language;
    }

    public static synchronized Messages of(Language language) {
        Messages messages = CATALOGUES.get(language);
        if (messages == null) {
            messages = new Messages(language);
            CATALOGUES.put(language, messages);
        }
        return messages;
    }

    public Language language() {
        return language;
    }

    public boolean chinese() {
        return language == Language.zh;
    }

    /** The class-path resource of a language's catalogue. */
    static String resource(Language language) {
        return "/dev/ecsimage/output/messages_" + language + ".properties";
    }

    private synchronized Map<String, String> texts() {
        if (texts == null) {
            texts = TextResource.load(resource(language));
        }
        return texts;
    }

    /**
     * The sentence {@code key} with its arguments.
     *
     * @throws IllegalArgumentException when the catalogue has no such key (a bug the key tests catch)
     */
    public String get(String key, Object... args) {
        String text = find(key, args);
        if (text == null) {
            throw new IllegalArgumentException("no message '" + key + "' in " + resource(language));
        }
        return text;
    }

    /** The sentence {@code key} with its arguments, or null when there is none (e.g. no hint for a code). */
    public String find(String key, Object... args) {
        String pattern = texts().get(key);
        return pattern == null ? null : format(pattern, said(args));
    }

    /**
     * The arguments with each {@link Sentence} among them said in this language, and each list as
     * its items (sentences said) joined by semicolons: a list of things that may hold commas
     * ({@code tried environment variables; ~/.aliyun/config.json (absent)}).
     */
    private Object[] said(Object[] args) {
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            Object said = args[i] instanceof Sentence s ? s.in(this)
                    : args[i] instanceof java.util.List<?> items ? joined(items) : args[i];
            if (said != args[i]) {
                if (out == args) {
                    out = args.clone();
                }
                out[i] = said;
            }
        }
        return out;
    }

    private String joined(java.util.List<?> items) {
        StringBuilder s = new StringBuilder();
        for (Object item : items) {
            if (s.length() > 0) {
                s.append(chinese() ? "；" : "; ");
            }
            s.append(item instanceof Sentence sentence ? sentence.in(this) : String.valueOf(item));
        }
        return s.toString();
    }

    /** {@code key.one} when {@code n} is 1, else {@code key.other}; {@code {0}} is {@code n}. */
    public String count(String key, long n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        return get(key + (n == 1 ? ".one" : ".other"), args);
    }

    /** Words in a row: {@code a, b, c} in English, {@code a、b、c} in Chinese. */
    public String list(java.util.List<String> words) {
        return String.join(chinese() ? "、" : ", ", words);
    }

    /**
     * An image status as shown on stderr: the API's own word, and in Chinese its meaning after it,
     * as Alibaba Cloud's documentation names it: {@code Available（可用）}. Unknown words stay as they are.
     */
    public String status(String status) {
        if (!chinese() || status == null) {
            return status;
        }
        String gloss = texts().get("status." + status);
        return gloss == null ? status : status + "（" + gloss + "）";
    }

    /** A region as shown on stderr: its id, and in Chinese its name after it ({@code cn-hangzhou 华东1（杭州）}). */
    public String region(String id) {
        String name = chinese() ? RegionNames.chinese(id) : null;
        return name == null ? id : id + " " + name;
    }

    /** {@code pattern} with each {@code {n}} replaced by argument n; other text, braces included, as it is. */
    static String format(String pattern, Object... args) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3 && digits(pattern, i + 1, close)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(n < args.length ? String.valueOf(args[n]) : pattern.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
