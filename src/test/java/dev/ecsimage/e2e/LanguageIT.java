package dev.ecsimage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language through the real launcher: {@code LANG=zh_CN.UTF-8} makes help and stderr Chinese,
 * and leaves stdout in JSON and the exit status exactly as {@code --lang en} has them.
 */
class LanguageIT {
    @TempDir
    Path home;

    /** LANG=zh_CN.UTF-8, which need not be installed: perl (which starts the launcher) is told not to warn about it. */
    private Launcher chinese() {
        return new Launcher(home).env("ECS_IMAGE_LANG", null).env("LANG", "zh_CN.UTF-8").env("PERL_BADLANG", "0");
    }

    private Launcher.Result english(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--lang", "en"));
        all.addAll(List.of(args));
        return chinese().run(all.toArray(String[]::new));
    }

    @Test
    void jsonAndExitStatusAreTheSameUnderAChineseLocaleAndInEnglish() throws Exception {
        String[] copy = {"--sandbox", "--sandbox-speed", "400", "--progress", "plain", "-o", "json", "copy", "-i",
                Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shanghai,ap-northeast-2", "--client-token", "lang-it",
                EndToEndIT.FAST_POLL};
        Launcher.Result zh = chinese().run(copy);
        Launcher.Result en = english(copy);

        assertEquals(8, zh.status(), zh.err());
        assertEquals(en.status(), zh.status());
        assertEquals(masked(en.out()), masked(zh.out()));
        assertTrue(zh.err().contains("cn-shanghai 华东2（上海）  m-uf6") && zh.err().contains("Available（可用）  100%"), zh.err());
        assertTrue(zh.err().contains("\n提示：目标地域的自定义镜像配额已用完：请删除不再使用的镜像，或提高配额\n"), zh.err());
        assertFalse(en.err().contains("华东"), en.err());
        assertTrue(en.err().contains("\nhint: the destination region's custom image quota is used up"), en.err());

        String[] status = {"--sandbox", "-o", "json", "status", "-r", "cn-hangzhou", "-i",
                Sandbox.DEMO + ",m-bp1pzz5fk2z9ri19r0wy,m-nope"};
        Launcher.Result zhStatus = chinese().run(status);
        Launcher.Result enStatus = english(status);
        assertEquals(12, zhStatus.status(), zhStatus.err());
        assertEquals(enStatus.out(), zhStatus.out());
        assertEquals(enStatus.status(), zhStatus.status());
    }

    @Test
    void helpFollowsTheLocale() throws Exception {
        Launcher.Result zh = chinese().run("--help");
        Launcher.Result en = english("--help");

        assertEquals(0, zh.status());
        assertTrue(zh.out().startsWith("用法：ecs-image [全局选项] 命令 [选项]\n在地域之间复制阿里云 ECS 自定义镜像"), zh.out());
        assertTrue(en.out().startsWith("Usage: ecs-image [GLOBAL OPTIONS] COMMAND [OPTIONS]\n"), en.out());
        Launcher.Result usage = chinese().run("copi");
        assertEquals(new Launcher.Result(2, "", "ecs-image: 未知命令 'copi'，您是不是要输入 'copy'？\n"
                + "运行 'ecs-image --help' 查看更多信息。\n"), usage);
    }

    /** The ids and RequestIds the sandbox makes up differ from run to run; everything else must not. */
    private static String masked(String json) {
        return json.replaceAll("\"(m-[a-z0-9]{3})[a-z0-9]{17}\"", "\"$1…\"")
                .replaceAll("\"requestId\": \"[0-9A-F-]{36}\"", "\"requestId\": \"…\"");
    }
}
