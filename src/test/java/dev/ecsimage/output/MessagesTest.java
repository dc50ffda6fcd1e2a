package dev.ecsimage.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The run-time catalogue: the same keys in both languages, every sentence said once in each, Chinese written as Chinese. */
class MessagesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d{1,2})}");
    /** ASCII sentence punctuation next to a Chinese character: Chinese sentences take the full-width forms. */
    private static final Pattern HALF_WIDTH_IN_CHINESE =
            Pattern.compile("\\p{IsHan}[,;:!?()]|[,;:!?()]\\p{IsHan}|\\p{IsHan}\\.(\\s|$)");

    private static Map<String, String> catalogue(Language language) {
        return TextResource.load(Messages.resource(language));
    }

    @Test
    void everyKeyIsInBothLanguages() {
        Set<String> english = catalogue(Language.en).keySet();
        Set<String> chinese = catalogue(Language.zh).keySet();
        assertTrue(english.size() > 80, english.size() + " keys: the catalogue did not load");

        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);
        Set<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "in messages_en.properties only");
        assertEquals(Set.of(), onlyChinese, "in messages_zh.properties only");
    }

    /** Each sentence once in each language with sample arguments: all arguments used in both, none left unreplaced. */
    @Test
    void everySentenceIsSaidInBothLanguagesWithTheSameArguments() {
        Map<String, String> english = catalogue(Language.en);
        Map<String, String> chinese = catalogue(Language.zh);
        List<String> problems = new ArrayList<>();
        for (String key : english.keySet()) {
            Set<String> enArgs = arguments(english.get(key));
            Set<String> zhArgs = arguments(chinese.get(key));
            if (!enArgs.equals(zhArgs) && !key.endsWith(".one")) {
                problems.add(key + ": English uses " + enArgs + ", Chinese " + zhArgs);
            }
            Object[] samples = {"ARG0", "ARG1", "ARG2", "ARG3", "ARG4", "ARG5", "ARG6"};
            for (Language language : Language.values()) {
                String said = Messages.of(language).get(key, samples);
                if (ARGUMENT.matcher(said).find() || said.isBlank()) {
                    problems.add(key + " (" + language + "): " + said);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void chineseSentencesUseFullWidthPunctuation() {
        List<String> problems = new ArrayList<>();
        catalogue(Language.zh).forEach((key, text) -> {
            Matcher m = HALF_WIDTH_IN_CHINESE.matcher(text);
            if (m.find()) {
                problems.add(key + ": '" + m.group() + "' in " + text);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckFindsHalfWidthPunctuationInChinese() {
        assertTrue(HALF_WIDTH_IN_CHINESE.matcher("复制失败: 请重试").find());
        assertTrue(HALF_WIDTH_IN_CHINESE.matcher("镜像(可用)").find());
        assertFalse(HALF_WIDTH_IN_CHINESE.matcher("ecs-image: 未知选项 '--too'，您是不是要输入 '--to'？").find());
    }

    @Test
    void argumentsAreReplacedAndNothingElseIsSpecial() {
        assertEquals("it's 'x' {y} and {0 and 3}", Messages.format("it's '{0}' {y} and {0 and {1}}", "x", 3));
        assertEquals("{2}", Messages.format("{2}", "only one"));
        assertEquals("a{}b", Messages.format("a{}b"));
    }

    @Test
    void countsPickOneOrOther() {
        Messages en = Messages.of(Language.en);
        assertEquals("gave up after 1 attempt: retry later, or raise --max-attempts", en.count("hint.gave-up", 1));
        assertEquals("gave up after 3 attempts: retry later, or raise --max-attempts", en.count("hint.gave-up", 3));
        assertEquals("已尝试 3 次，均未成功：请稍后重试，或调大 --max-attempts", Messages.of(Language.zh).count("hint.gave-up", 3));
    }

    @Test
    void anUnknownKeyIsABugThatNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Messages.of(Language.zh).get("no.such"));
        assertEquals("no message 'no.such' in /dev/ecsimage/output/messages_zh.properties", e.getMessage());
        assertNull(Messages.of(Language.en).find("hint.code.NoSuchCode"));
    }

    /** Statuses keep the API's word; Chinese adds the meaning Alibaba Cloud's documentation gives it. */
    @Test
    void statusesKeepTheApiWordAndChineseAddsItsMeaning() {
        Messages zh = Messages.of(Language.zh);
        assertEquals("Available（可用）", zh.status("Available"));
        assertEquals("Waiting（排队中）", zh.status("Waiting"));
        assertEquals("Creating（创建中）", zh.status("Creating"));
        assertEquals("CreateFailed（创建失败）", zh.status("CreateFailed"));
        assertEquals("UnAvailable（不可用）", zh.status("UnAvailable"));
        assertEquals("Deprecated（已弃用）", zh.status("Deprecated"));
        assertEquals("Frozen", zh.status("Frozen"), "a status the catalogue does not know stays as the service said it");
        assertEquals("Available", Messages.of(Language.en).status("Available"));
    }

    @Test
    void chineseRegionsHaveTheirNameAfterTheirId() {
        assertEquals("cn-hangzhou 华东1（杭州）", Messages.of(Language.zh).region("cn-hangzhou"));
        assertEquals("ap-southeast-1 新加坡", Messages.of(Language.zh).region("ap-southeast-1"));
        assertEquals("xx-nowhere-1", Messages.of(Language.zh).region("xx-nowhere-1"));
        assertEquals("cn-hangzhou", Messages.of(Language.en).region("cn-hangzhou"));
    }

    @Test
    void listsUseEachLanguagesSeparator() {
        assertEquals("a, b, c", Messages.of(Language.en).list(List.of("a", "b", "c")));
        assertEquals("a、b、c", Messages.of(Language.zh).list(List.of("a", "b", "c")));
    }

    @Test
    void localeNamesGiveChineseOnlyForZh() {
        for (String zh : List.of("zh", "zh_CN.UTF-8", "zh_TW", "zh-CN", "ZH_cn", "zh@pinyin", " zh_CN ")) {
            assertEquals(Language.zh, Language.ofLocale(zh), zh);
        }
        for (String en : List.of("en", "en_US.UTF-8", "C", "POSIX", "C.UTF-8", "zhx", "jp", "fr_FR")) {
            assertEquals(Language.en, Language.ofLocale(en), en);
        }
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
