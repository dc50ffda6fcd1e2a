package dev.ecsimage.output;

import java.util.Locale;

/**
 * The languages ecs-image speaks. Only what a person reads changes with it: help, errors, hints,
 * progress words; stdout in JSON, exit statuses, codes and ids are the same in every language.
 */
public enum Language {
    zh, en;

    /**
     * The language a locale name or language field asks for, as the aliyun CLI and gettext read
     * them: {@code zh}, {@code zh_CN.UTF-8}, {@code zh-CN} give Chinese, anything else English.
     */
    public static Language ofLocale(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.startsWith("zh") && (n.length() == 2 || "_-.@".indexOf(n.charAt(2)) >= 0) ? zh : en;
    }
}
