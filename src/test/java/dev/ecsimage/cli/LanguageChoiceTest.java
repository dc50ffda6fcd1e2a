package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ecsimage.output.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language a run speaks: --lang, ECS_IMAGE_LANG, the profile's language, LC_ALL, LC_MESSAGES, LANG, in that order. */
class LanguageChoiceTest {
    private final Map<String, String> env = new HashMap<>();
    /** The profiles asked for their language ({@code null}: the one in use without --profile). */
    private final List<String> asked = new ArrayList<>();
    private String profileLanguage;

    /** Whether the quick look at the profile file says it may change the choice. */
    private boolean profilesMayDiffer = true;

    private Language choose(String... args) {
        return LanguageChoice.choose(List.of(args), env, new LanguageChoice.Profiles() {
            @Override
            public Optional<String> language(String profile) {
                asked.add(String.valueOf(profile));
                return Optional.ofNullable(profileLanguage);
            }

            @Override
            public boolean maySayOtherThan(Language language) {
                return profilesMayDiffer;
            }
        });
    }

    /** Every source set, each saying the opposite of the one before: the first in the order wins, each in its turn. */
    @Test
    void eachSourceWinsOverTheOnesAfterIt() {
        env.put("LANG", "zh_CN.UTF-8");
        assertEquals(Language.zh, choose());
        env.put("LC_MESSAGES", "en_US.UTF-8");
        assertEquals(Language.en, choose());
        env.put("LC_ALL", "zh_CN.UTF-8");
        assertEquals(Language.zh, choose());
        profileLanguage = "en";
        assertEquals(Language.en, choose());
        env.put("ECS_IMAGE_LANG", "zh");
        assertEquals(Language.zh, choose());
        assertEquals(Language.en, choose("--lang", "en"));
        assertEquals(Language.zh, choose("--lang=zh"));
    }

    @Test
    void withNothingSetItIsEnglish() {
        assertEquals(Language.en, choose("status"));
        env.put("LANG", "C");
        assertEquals(Language.en, choose());
    }

    @Test
    void anEmptyVariableIsNotSet() {
        env.put("LANG", "zh_CN.UTF-8");
        env.put("LC_ALL", "");
        env.put("ECS_IMAGE_LANG", " ");
        profileLanguage = "";
        assertEquals(Language.zh, choose());
    }

    /** The profile file is read only when --lang and ECS_IMAGE_LANG leave the choice open. */
    @Test
    void theProfileIsAskedOnlyWhenNeededAndForTheProfileOnTheCommandLine() {
        profileLanguage = "zh";
        assertEquals(Language.en, choose("--lang", "en"));
        env.put("ECS_IMAGE_LANG", "en");
        assertEquals(Language.en, choose());
        assertEquals(List.of(), asked);

        env.remove("ECS_IMAGE_LANG");
        assertEquals(Language.zh, choose("-p", "prod", "status"));
        assertEquals(Language.zh, choose("--profile=ci"));
        assertEquals(Language.zh, choose("-pdev"));
        assertEquals(Language.zh, choose());
        assertEquals(List.of("prod", "ci", "dev", "null"), asked);
    }

    /** When no profile can say anything but what the locale says, the file is not parsed. */
    @Test
    void aProfileThatCannotChangeTheChoiceIsNotAsked() {
        profileLanguage = "zh";
        profilesMayDiffer = false;
        env.put("LANG", "zh_CN.UTF-8");
        assertEquals(Language.zh, choose());
        assertEquals(List.of(), asked);
    }

    @Test
    void theQuickLookFindsEveryLanguageFieldThatCouldChangeTheChoice() {
        String en = "{\"profiles\":[{\"name\":\"a\",\"language\" : \"en\"},{\"name\":\"b\",\"language\":\"\"}]}";
        assertFalse(LanguageChoice.mentionsOtherThan(en, Language.en));
        assertTrue(LanguageChoice.mentionsOtherThan(en, Language.zh));
        assertFalse(LanguageChoice.mentionsOtherThan("{\"profiles\":[]}", Language.zh));
        assertTrue(LanguageChoice.mentionsOtherThan("{\"language\":\"zh_CN\"}", Language.en));
        assertFalse(LanguageChoice.mentionsOtherThan("{\"language\":\"zh_CN\"}", Language.zh));
        assertTrue(LanguageChoice.mentionsOtherThan("{\"language\":null}", Language.en), "not plainly a string: unsure");
        assertTrue(LanguageChoice.mentionsOtherThan("{\"language\":\"\\u007a\\u0068\"}", Language.en), "escapes: unsure");
    }

    /** A bad --lang value is picocli's usage error; the language of that error comes from the next source. */
    @Test
    void aBadLangValueFallsThroughAndNothingAfterDoubleDashCounts() {
        env.put("LANG", "zh_CN.UTF-8");
        assertEquals(Language.zh, choose("--lang", "fr"));
        assertEquals(Language.zh, choose("status", "--", "--lang", "en"));
        assertEquals(Language.zh, choose("--lang"));
    }

    @Test
    void theLastOptionGivenCounts() {
        assertEquals(Language.zh, choose("--lang", "en", "copy", "--lang", "zh"));
        assertEquals("b", LanguageChoice.optionValue(List.of("-p", "a", "--profile", "b"), "-p", "--profile"));
        assertNull(LanguageChoice.optionValue(List.of("--language", "zh"), "--lang"));
    }

    /** The profile's language field, read through the run's credential chain, in a real run. */
    @Test
    void aRunSpeaksTheLanguageOfItsProfile(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun/config.json"), """
                {"current":"main","profiles":[
                  {"name":"main","mode":"AK","access_key_id":"LTAIa","access_key_secret":"s","language":"zh"},
                  {"name":"other","mode":"AK","access_key_id":"LTAIb","access_key_secret":"s","language":"en"}]}""");
        Files.setPosixFilePermissions(home.resolve(".aliyun/config.json"), PosixFilePermissions.fromString("rw-------"));
        CliRun cli = new CliRun();
        cli.home = home;
        cli.env.put("LANG", "en_US.UTF-8");

        assertEquals("ecs-image: 未知命令 'copi'，您是不是要输入 'copy'？\n运行 'ecs-image --help' 查看更多信息。\n",
                cli.run("copi").err());
        assertEquals("ecs-image: unknown command 'copi': did you mean 'copy'?\n"
                + "Try 'ecs-image --help' for more information.\n", cli.run("-p", "other", "copi").err());
        cli.env.put("LANG", "zh_CN.UTF-8");
        assertEquals("ecs-image: unknown command 'copi': did you mean 'copy'?\n"
                + "Try 'ecs-image --help' for more information.\n", cli.run("--profile=other", "copi").err(),
                "the profile's en before LANG's zh");
        cli.env.put("ECS_IMAGE_LANG", "en");
        assertEquals(2, cli.run("copi").status());
        assertEquals("ecs-image: unknown command 'copi': did you mean 'copy'?\n"
                + "Try 'ecs-image --help' for more information.\n", cli.run("copi").err());
    }
}
