package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.cli.ScriptedEcs.Step;
import dev.ecsimage.output.TextWidth;
import dev.ecsimage.testing.TextColumns;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a Chinese run says: usage errors (picocli's and ecs-image's own), hints, progress with
 * region names and status glosses lined up by columns, the sandbox; and what it does not change:
 * stdout in JSON, exit statuses.
 */
class ChineseOutputTest {
    private final CliRun cli = new CliRun();

    {
        cli.env.put("LANG", "zh_CN.UTF-8");
    }

    private static String[] words(String line) {
        return line == null || line.isEmpty() ? new String[0] : line.split(" ");
    }

    /** Every kind of usage error, in Chinese, with the same exit status as in English; the English form is unchanged. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "copy|copy|缺少必需的选项：'--image-id=IMAGE_ID'、'--to=REGION'|Missing required options: '--image-id=IMAGE_ID', '--to=REGION'",
        "copy -i m-src|copy|缺少必需的选项：'--to=REGION'|Missing required option: '--to=REGION'",
        "copy -t cn-shanghai -i|copy|选项 '--image-id' 缺少取值（IMAGE_ID）|Missing required parameter for option '--image-id' (IMAGE_ID)",
        "status -i m-a --region --profile p|status|选项 '--region' 缺少取值，遇到的却是 '--profile'|Expected parameter for option '--region' but found '--profile'",
        "status -i m-a --timeout 10d|status|选项 '--timeout' 的取值无效：'10d' 不是有效的时长：请使用秒数（90），或数字加单位 ms、s、m、h（500ms、30s、2m、1h30m）|Invalid value for option '--timeout': '10d' is not a duration: use seconds (90) or a number with a unit, ms, s, m or h (500ms, 30s, 2m, 1h30m)",
        "-o xml status -i m-a||选项 '--output' 的取值无效：取值须为 text、json 之一（不区分大小写），而不是 'xml'|Invalid value for option '--output': expected one of [text, json] (case-insensitive) but was 'xml'",
        "--network x status -i m-a||选项 '--network' 的取值无效：取值须为 public 或 vpc，而不是 'x'|Invalid value for option '--network': expected public or vpc, not 'x'",
        "--max-attempts x status -i m-a||选项 '--max-attempts' 的取值无效：'x' 不是整数|Invalid value for option '--max-attempts': 'x' is not an int",
        "status -i m-a --wait=3|status|选项 '--wait' 的取值无效：'3' 不是布尔值（true 或 false）|Invalid value for option '--wait': '3' is not a boolean",
        "--sandbox-speed 0 status -i m-a||选项 '--sandbox-speed' 的取值无效：'0' 不是有效的速度：请使用正数，单位为每秒百分比（10：一次复制约需 10 秒）|Invalid value for option '--sandbox-speed': '0' is not a speed: use a positive number of percent per second (10: a copy takes 10 s)",
        "sandbox serve --throttle-rate 2|sandbox serve|选项 '--throttle-rate' 的取值无效：'2' 不是有效的比例：请使用 0 到 1 之间的数|Invalid value for option '--throttle-rate': '2' is not a rate: use a number from 0 to 1",
        "--lang fr status -i m-a||选项 '--lang' 的取值无效：取值须为 zh、en 之一（不区分大小写），而不是 'fr'|Invalid value for option '--lang': expected one of [zh, en] (case-insensitive) but was 'fr'",
        "status -i m-a -r a -r b|status|选项 '--region' 只能指定一次|option '--region' should be specified only once",
        "copy -i m-src --too x|copy|未知选项 '--too'，您是不是要输入 '--to'？|unknown option '--too': did you mean '--to'?",
        "copi||未知命令 'copi'，您是不是要输入 'copy'？|unknown command 'copi': did you mean 'copy'?",
        "frobnicate||未知命令 'frobnicate'|unknown command 'frobnicate'",
        "completion extra|completion|多余的参数 'extra'|unexpected argument 'extra'",
        "||需要指定命令：copy、status 或 cancel|a command is required: copy, status or cancel",
        "sandbox|sandbox|需要指定沙箱命令：serve 或 images|a sandbox command is required: serve or images",
        "status -i m-a --interval 0|status|--interval 必须大于 0|--interval must be longer than 0",
        "sandbox serve --throttle -1|sandbox serve|故障注入的次数不能小于 0，比例必须在 0 到 1 之间|a fault needs a count >= 0 and a rate between 0 and 1",
    })
    void usageErrorsInBothLanguages(String args, String command, String chinese, String english) {
        CliRun.Result zh = cli.run(words(args));
        String try_ = "ecs-image" + (command == null ? "" : " " + command);

        assertEquals(2, zh.status(), zh.err());
        assertEquals("ecs-image: " + chinese + "\n运行 '" + try_ + " --help' 查看更多信息。\n", zh.err());
        CliRun.Result en = cli.run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--lang=en"), Arrays.stream(words(args)))
                .toArray(String[]::new));
        if (args == null || !args.startsWith("--lang fr")) {
            assertEquals("ecs-image: " + english + "\nTry '" + try_ + " --help' for more information.\n", en.err());
        }
        assertEquals(0, cli.ecs.calls.size());
    }

    @Test
    void hintsAfterServiceErrorsAreChineseAroundTheServicesOwnWords() {
        cli.ecs.fail("CopyImage", 403, "Forbbiden");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none", "-v");

        assertEquals(4, r.status());
        assertEquals("ecs-image: cn-shanghai: Forbbiden: scripted Forbbiden (HTTP 403, RequestId req-err)\n"
                + "提示：RAM 用户或 RAM 角色需要拥有对这些镜像执行 ecs:CopyImage、ecs:DescribeImages 和 "
                + "ecs:CancelCopyImage 的权限（共享镜像还需要 ecs:ModifyImageSharePermission 和 "
                + "ecs:DescribeImageSharePermission 的权限）\n"
                + "参见：https://help.example/Forbbiden\n", r.err().replaceAll("(?m)^debug: .*\n", ""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "InvalidImageName.Duplicated|403|目标地域已有同名镜像：使用 --if-exists reuse 可等待该镜像，或用 --name 另选名称",
        "QuotaExceed.Image|403|目标地域的自定义镜像配额已用完：请删除不再使用的镜像，或提高配额",
        "InvalidTimeStamp.Expired|400|本机时钟与标准时间相差超过 15 分钟：请校准时间（例如使用 NTP）后重试",
        "IncorrectImageStatus|400|镜像当前的状态不允许此操作：复制的源镜像须为 Available（可用）状态",
    })
    void eachCodeWithAHintHasItInChinese(String code, int http, String hint) {
        cli.ecs.fail("CopyImage", http, code);

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none");

        assertEquals("ecs-image: cn-shanghai: " + code + ": scripted " + code + " (HTTP " + http + ", RequestId req-err)\n"
                + "提示：" + hint + "\n", r.err());
    }

    @Test
    void givingUpAfterRetriesCountsTheAttemptsInChinese() {
        cli.ecs.fail("CopyImage", 400, "Throttling.User").fail("CopyImage", 400, "Throttling.User");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none",
                "--max-attempts", "2");

        assertEquals(9, r.status());
        assertTrue(r.err().endsWith("\n提示：已尝试 2 次，均未成功：请稍后重试，或调大 --max-attempts\n"), r.err());
    }

    @Test
    void noCredentialsHintsInChinese() {
        cli.env.remove("ALIBABA_CLOUD_ACCESS_KEY_ID");
        cli.env.remove("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        cli.env.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a");

        assertEquals(3, r.status());
        assertEquals("ecs-image: 未找到凭证，已尝试：环境变量；~/.aliyun/config.json（不存在）；"
                + "~/.alibabacloud/credentials（不存在）；ECS 实例元数据（已被 ALIBABA_CLOUD_ECS_METADATA_DISABLED 禁用）",
                r.err().lines().findFirst().orElseThrow());
        assertTrue(r.err().endsWith("\n提示：请设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET，"
                + "或运行 'aliyun configure'，也可以先用 --sandbox 试用\n"), r.err());
        assertEquals(1, cli.run("status", "-r", "cn-shanghai", "-i", "m-a", "-q").err().lines().count(), "no hint with --quiet");
    }

    @Test
    void anInternalErrorSaysSoInChinese() {
        cli.ecs.explode("CopyImage", new IllegalStateException("boom"));

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none");

        assertEquals(1, r.status());
        assertEquals("ecs-image: 内部错误：java.lang.IllegalStateException: boom（请加 --verbose 重新运行以查看堆栈信息，并报告此问题）\n",
                r.err());
    }

    /** Plain progress: regions with their Chinese names, statuses with their meaning, ids in one column. */
    @Test
    void plainProgressNamesTheRegionsAndLinesUpByColumns() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,ap-southeast-1,us-east-1",
                "--progress", "plain");

        assertEquals(0, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals("cn-shanghai 华东2（上海）   m-cnscopy1  Waiting（排队中）  0%", lines.get(0));
        assertTrue(lines.contains("ap-southeast-1 新加坡       m-apscopy2  Creating（创建中）  50%  剩余 1m"), r.err());
        assertTrue(lines.contains("us-east-1 美国（弗吉尼亚）  m-usecopy3  Available（可用）  100%"), r.err());
        assertEquals(Set.of(28), lines.stream().map(l -> TextColumns.fieldStart(l, 1)).collect(Collectors.toSet()), r.err());
        assertEquals("cn-shanghai     m-cnscopy1  Available  100%\n"
                + "ap-southeast-1  m-apscopy2  Available  100%\n"
                + "us-east-1       m-usecopy3  Available  100%\n", r.out(), "stdout keeps the API's words");
    }

    @Test
    void aRetryWhilePollingIsSaidInChinese() {
        cli.ecs.failIn("cn-shanghai", "DescribeImages", 503, "ServiceUnavailable");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--max-attempts", "1",
                "--progress", "plain");

        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().startsWith("ecs-image: cn-shanghai：ServiceUnavailable: scripted ServiceUnavailable "
                + "(HTTP 503, RequestId req-err)；"), r.err());
        assertTrue(r.err().lines().findFirst().orElseThrow().endsWith(" 后再次查询"), r.err());
    }

    /** Bars on a wide terminal: region names and glosses; every column at the same place on every line; the summary. */
    @Test
    void barsLineUpByColumnsWithRegionNames() {
        cli.terminal = true;
        cli.env.put("COLUMNS", "120");
        cli.env.put("NO_COLOR", "1");
        cli.ecs.copyScript("ap-southeast-1", List.of(new Step("Waiting", 0, null), new Step("Creating", 40, 90L),
                new Step("CreateFailed", 40, null)));

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,ap-southeast-1,us-east-1");

        assertEquals(10, r.status(), r.err());
        List<List<String>> drawings = drawings(r.err());
        List<String> bars = drawings.stream().flatMap(List::stream).toList();
        assertTrue(bars.contains("cn-shanghai 华东2（上海）   m-cnscopy1  Creating（创建中） [############------------]  50%"
                + "  剩余 1m"), String.join("\n", bars));
        assertTrue(bars.contains("ap-southeast-1 新加坡       m-apscopy2  CreateFailed（创建失败） [#########---------------]"
                + "  40%"), String.join("\n", bars));
        for (List<String> drawing : drawings) {
            assertLinedUp(drawing, 28);
        }
        bars.forEach(l -> assertTrue(TextWidth.of(l) <= 120, l));
        assertTrue(r.err().contains("\r\033[3A3 个复制任务：2 个 Available（可用）、1 个 CreateFailed（创建失败）\033[K\n"),
                r.err());
    }

    /** On 80 columns the names would leave no room for a bar: they go, the glosses stay, the columns still line up. */
    @Test
    void barsOnEightyColumnsDropTheRegionNamesFirst() {
        cli.terminal = true;
        cli.env.put("NO_COLOR", "1");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,ap-southeast-1,us-east-1");

        List<List<String>> drawings = drawings(r.err());
        List<String> bars = drawings.stream().flatMap(List::stream).toList();
        assertTrue(bars.contains("cn-shanghai     m-cnscopy1  Creating（创建中） [#######-------]  50%  剩余 1m"),
                String.join("\n", bars));
        for (List<String> drawing : drawings) {
            assertLinedUp(drawing, 16);
        }
        for (String line : bars) {
            assertTrue(TextWidth.of(line) <= 80, line);
            assertFalse(line.contains("上海"), line);
        }
    }

    /** The bar drawings on stderr, each a list of lines, without the summary that ends them. */
    private static List<List<String>> drawings(String err) {
        return Arrays.stream(err.split("\\r\\033\\[\\d+A"))
                .map(d -> Arrays.stream(d.split("\\033\\[K\\n|\\033\\[J")).filter(l -> !l.isEmpty() && l.contains("["))
                        .toList())
                .filter(d -> !d.isEmpty()).toList();
    }

    /** In one drawing, the id, status and bar of every line start at the same columns. */
    private static void assertLinedUp(List<String> drawing, int idColumn) {
        String all = String.join("\n", drawing);
        assertEquals(Set.of(idColumn), drawing.stream().map(l -> TextColumns.fieldStart(l, 1)).collect(Collectors.toSet()), all);
        assertEquals(1, drawing.stream().map(l -> TextColumns.fieldStart(l, 2)).collect(Collectors.toSet()).size(), all);
        assertEquals(1, drawing.stream().map(l -> TextWidth.of(l.substring(0, l.indexOf('['))))
                .collect(Collectors.toSet()).size(), all);
    }

    @Test
    void theSandboxCatalogueIsChineseAndLinedUp() {
        CliRun.Result r = cli.run("sandbox", "images");

        assertEquals(0, r.status());
        List<String> lines = r.out().lines().toList();
        assertEquals("预置镜像（CopyImage 的 RegionId 即镜像所在地域）：", lines.get(0));
        assertEquals("  镜像 ID                 地域            名称                状态            GiB  场景", lines.get(1));
        assertEquals("  m-bp1ujzde8gxd6ncf10ep  cn-hangzhou     web-app-v1          Available        40  "
                + "演示镜像：可正常复制（默认速度下约 10 秒）", lines.get(2));
        Set<Integer> scenarios = lines.stream().filter(l -> l.startsWith("  m-") || l.startsWith("  镜像"))
                .map(l -> TextColumns.fieldStarts(l)).map(f -> f.get(f.size() - 1)).collect(Collectors.toSet());
        assertEquals(Set.of(83), scenarios);
        assertTrue(lines.contains("  cn-nanjing      不支持镜像复制：从该地域复制或复制到该地域均返回 RegionNotSupportCopy"), r.out());
        assertTrue(lines.contains("由请求参数触发的错误："), r.out());
    }

    @Test
    void theSandboxBannerIsChineseAndKeepsWhatScriptsRead() {
        String banner = SandboxCommand.banner("http://127.0.0.1:8800", 10, dev.ecsimage.sandbox.Faults.NONE,
                dev.ecsimage.output.Messages.of(dev.ecsimage.output.Language.zh));
        List<String> lines = banner.lines().toList();

        assertEquals("ECS 沙箱正在监听 http://127.0.0.1:8800（按 Ctrl-C 停止；沙箱的状态只在运行期间保留）", lines.get(0));
        assertTrue(banner.contains("\n复制速度：10 %/s（一次普通复制约需 10 秒）\n故障注入：无\n"), banner);
        assertTrue(banner.contains("\n  export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI"), banner);
        int sts = lines.indexOf(lines.stream().filter(l -> l.startsWith("  STS 密钥对：")).findFirst().orElseThrow());
        int keyColumn = TextWidth.of("  STS 密钥对： ");
        assertEquals(keyColumn, TextColumns.fieldStart(lines.get(sts + 1), 0));
        assertEquals(keyColumn, TextColumns.fieldStart(lines.get(sts + 2), 0));
        assertTrue(lines.get(sts + 1).strip().startsWith("AccessKey Secret "), lines.get(sts + 1));
    }

    @Test
    void faultsAreDescribedInChinese() {
        dev.ecsimage.sandbox.Faults faults = new dev.ecsimage.sandbox.Faults(new dev.ecsimage.sandbox.Faults.Fault(1, 0),
                new dev.ecsimage.sandbox.Faults.Fault(2, 0.5), dev.ecsimage.sandbox.Faults.Fault.NEVER,
                dev.ecsimage.sandbox.Faults.Fault.NEVER, java.time.Duration.ofMillis(300), "CopyImage");

        assertEquals("前 1 个请求在处理前断开连接、前 2 个请求限流、按比例 0.5 限流、每个请求延迟 300 毫秒（仅限 CopyImage）",
                SandboxCommand.describe(faults, dev.ecsimage.output.Messages.of(dev.ecsimage.output.Language.zh)));
        assertEquals("drop before acting the first 1, throttle the first 2, throttle at rate 0.5, delay 300 ms (only CopyImage)",
                SandboxCommand.describe(faults, dev.ecsimage.output.Messages.of(dev.ecsimage.output.Language.en)));
    }

    /** Whatever the language, -o json, the exit status and stdout are the same: LANG=zh_CN.UTF-8 against --lang en. */
    @Test
    void jsonAndExitStatusesAreTheSameInEveryLanguage() {
        List<List<String>> runs = List.of(
                List.of("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing", "-o", "json",
                        "--progress", "plain"),
                List.of("status", "-r", "cn-shanghai", "-i", "m-a,m-nope", "-o", "json"),
                List.of("cancel", "-r", "cn-shanghai", "-i", "m-a", "-o", "json"),
                List.of("sandbox", "images", "-o", "json"));
        for (List<String> args : runs) {
            CliRun chinese = scripted();
            chinese.env.put("LANG", "zh_CN.UTF-8");
            CliRun english = scripted();
            english.env.put("LANG", "zh_CN.UTF-8");
            CliRun.Result zh = chinese.run(args.toArray(String[]::new));
            List<String> enArgs = new java.util.ArrayList<>(List.of("--lang", "en"));
            enArgs.addAll(args);
            CliRun.Result en = english.run(enArgs.toArray(String[]::new));

            assertEquals(en.status(), zh.status(), args.toString());
            assertEquals(en.out(), zh.out(), args.toString());
            assertTrue(en.out().startsWith("{"), en.out());
            if (args.get(0).equals("copy")) {
                assertTrue(zh.err().contains("提示：") && en.err().contains("hint: "), zh.err() + en.err());
            }
        }
        CliRun chinese = new CliRun();
        chinese.env.put("LANG", "zh_CN.UTF-8");
        chinese.env.remove("ALIBABA_CLOUD_ACCESS_KEY_ID");
        CliRun english = new CliRun();
        english.env.remove("ALIBABA_CLOUD_ACCESS_KEY_ID");
        assertEquals(english.run("-o", "json", "status", "-r", "cn-shanghai", "-i", "m-a").err(),
                chinese.run("-o", "json", "status", "-r", "cn-shanghai", "-i", "m-a").err(), "an error as JSON on stderr");
    }

    private static CliRun scripted() {
        CliRun run = new CliRun();
        run.ecs.image("cn-shanghai", "m-a", "web", new Step("Creating", 40, 120L));
        run.ecs.fail("CopyImage", 403, "Forbbiden");
        return run;
    }
}
