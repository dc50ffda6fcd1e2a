package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.cli.ScriptedEcs.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path of every command, run in Chinese, says nothing in English only: usage errors,
 * configuration errors, service errors with their hints, the lines about copies still running,
 * cancels on abort, shares, reuse, the copy set reader, and the words of the result rows. A new
 * English sentence that bypasses the catalogue shows up here as a line with three English words in
 * a row, once what stays as it is has been set aside: options, ids, regions, paths, codes, API
 * names, variables, quoted values, pasteable command lines, and the messages of errors (the
 * service's words, and ecs-image's own network words, which {@code -o json} carries in every
 * language).
 */
class ChineseEveryPathTest {
    /** A run: what to set up, and the command line. */
    record Path_(String name, Consumer<CliRun> setUp, String... args) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Consumer<CliRun> NOTHING = cli -> { };
    private static final Consumer<CliRun> RUNNING = cli -> cli.ecs.copyScript("cn-shanghai",
            List.of(new Step("Creating", 10, 600L)));

    static Stream<Path_> paths() {
        return Stream.of(
                run("copy: name too short", "copy", "-i", "m-src", "-t", "cn-shanghai", "-n", "a"),
                run("copy: name starts with aliyun", "copy", "-i", "m-src", "-t", "cn-shanghai", "-n", "aliyun-x"),
                run("copy: name characters", "copy", "-i", "m-src", "-t", "cn-shanghai", "-n", "a b"),
                run("copy: description url", "copy", "-i", "m-src", "-t", "cn-shanghai", "-d", "http://x"),
                run("copy: tag without value", "copy", "-i", "m-src", "-t", "cn-shanghai", "--tag", "novalue"),
                run("copy: tag twice", "copy", "-i", "m-src", "-t", "cn-shanghai", "--tag", "a=1", "--tag", "a=2"),
                run("copy: tag key reserved", "copy", "-i", "m-src", "-t", "cn-shanghai", "--tag", "acs:x=1"),
                run("copy: tag key url", "copy", "-i", "m-src", "-t", "cn-shanghai", "--tag", "http://x=1"),
                run("copy: tag value reserved", "copy", "-i", "m-src", "-t", "cn-shanghai", "--tag", "k=acs:v"),
                run("copy: provenance key", "copy", "-i", "m-src", "-t", "cn-shanghai", "--tag", "ecs-image:source=x"),
                run("copy: too many tags", tooMany("--tag", 20, i -> "k" + i + "=v")),
                run("copy: too many tags without provenance", tooMany("--tag", 21, i -> "k" + i + "=v",
                        "--no-provenance-tag")),
                run("copy: token", "copy", "-i", "m-src", "-t", "cn-shanghai", "--client-token", "a b"),
                run("copy: token too long", "copy", "-i", "m-src", "-t", "cn-shanghai", "--client-token", "x".repeat(65)),
                run("copy: region", "copy", "-i", "m-src", "-r", "Hangzhou", "-t", "cn-shanghai"),
                run("copy: to empty item", "copy", "-i", "m-src", "-t", "cn-shanghai,,cn-beijing"),
                run("copy: to source", "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-hangzhou"),
                run("copy: to twice", "copy", "-i", "m-src", "-t", "cn-shanghai,cn-shanghai"),
                run("copy: all alone", "copy", "-i", "m-src", "-t", "all,cn-shanghai"),
                run("copy: exclude without all", "copy", "-i", "m-src", "-t", "cn-shanghai", "--exclude", "cn-beijing"),
                run("copy: exclude empty", "copy", "-i", "m-src", "-t", "all", "--exclude", ","),
                run("copy: exclude unknown", "copy", "-i", "m-src", "-t", "all", "--exclude", "cn-nowhere"),
                run("copy: all excluded", NOTHING, "copy", "-i", "m-src", "-t", "all", "--exclude",
                        "cn-shanghai,cn-beijing,cn-shenzhen"),
                run("copy: kms without encrypted", "copy", "-i", "m-src", "-t", "cn-shanghai", "--kms-key-id", "k"),
                run("copy: kms empty", "copy", "-i", "m-src", "-t", "cn-shanghai", "--encrypted", "--kms-key-id", ","),
                run("copy: kms two plain", "copy", "-i", "m-src", "-t", "cn-shanghai", "--encrypted",
                        "--kms-key-id", "a,b"),
                run("copy: kms bad region", "copy", "-i", "m-src", "-t", "cn-shanghai", "--encrypted",
                        "--kms-key-id", "shanghai=k"),
                run("copy: kms no key", "copy", "-i", "m-src", "-t", "cn-shanghai", "--encrypted",
                        "--kms-key-id", "cn-shanghai="),
                run("copy: kms region twice", "copy", "-i", "m-src", "-t", "cn-shanghai", "--encrypted",
                        "--kms-key-id", "cn-shanghai=a,cn-shanghai=b"),
                run("copy: kms plain among regions", "copy", "-i", "m-src", "-t", "cn-shanghai", "--encrypted",
                        "--kms-key-id", "a,cn-shanghai=b"),
                run("copy: kms regional", "copy", "-i", "m-src", "-t", "cn-shanghai,cn-beijing", "--encrypted",
                        "--kms-key-id", "k"),
                run("copy: kms not a destination", "copy", "-i", "m-src", "-t", "cn-shanghai", "--encrypted",
                        "--kms-key-id", "cn-beijing=k"),
                run("copy: reuse needs name", "copy", "-i", "m-src", "-t", "cn-shanghai", "--if-exists", "reuse"),
                run("copy: share not an account", "copy", "-i", "m-src", "-t", "cn-shanghai", "--share-with", "abc"),
                run("copy: share empty", "copy", "-i", "m-src", "-t", "cn-shanghai", "--share-with", "1,,2"),
                run("copy: share twice", "copy", "-i", "m-src", "-t", "cn-shanghai", "--share-with", "1,1"),
                run("copy: too many shares", tooMany("--share-with", 51, i -> String.valueOf(1000 + i))),
                run("copy: share without wait", "copy", "-i", "m-src", "-t", "cn-shanghai", "--share-with", "1",
                        "--no-wait"),
                run("copy: share with the service key", "copy", "-i", "m-src", "-t", "cn-shanghai", "--share-with", "1",
                        "--encrypted"),
                run("global: max attempts", "--max-attempts", "0", "status", "-i", "cn-shanghai:m-a"),
                run("global: read timeout", "--read-timeout", "0s", "status", "-i", "cn-shanghai:m-a"),
                run("global: endpoint", "--endpoint", "ftp://x", "status", "-i", "cn-shanghai:m-a"),
                run("global: no region", cli -> cli.env.remove("ALIBABA_CLOUD_REGION_ID"),
                        "copy", "-i", "m-src", "-t", "cn-shanghai"),
                run("global: bad sandbox speed", cli -> cli.env.put("ECS_IMAGE_SANDBOX_SPEED", "fast"),
                        "--sandbox", "status", "-i", "cn-shanghai:m-a"),
                run("global: proxy", cli -> cli.env.put("HTTPS_PROXY", "socks5://p:1"),
                        "--endpoint", "https://127.0.0.1:1", "status", "-i", "cn-shanghai:m-a"),
                run("status: nothing given", "status"),
                run("status: both given", "status", "-i", "cn-shanghai:m-a", "--from", "x.json"),
                run("status: empty item", "status", "-i", "m-a,,m-b", "-r", "cn-shanghai"),
                run("status: no region", cli -> cli.env.remove("ALIBABA_CLOUD_REGION_ID"), "status", "-i", "m-a"),
                run("status: bad region", "status", "-i", "shanghai:m-a"),
                run("status: not qualified", "status", "-i", "cn-shanghai:"),
                run("status: no such file", "status", "--from", "/nonexistent/copies.json"),
                run("status: not found", "status", "-i", "cn-shanghai:m-nope"),
                run("status: in progress", cli -> cli.ecs.image("cn-shanghai", "m-a", "web",
                        new Step("Creating", 40, 120L)), "status", "-i", "cn-shanghai:m-a"),
                run("status: timeout", cli -> cli.ecs.image("cn-shanghai", "m-a", "web",
                        new Step("Creating", 40, 1200L)), "status", "-i", "cn-shanghai:m-a", "--wait", "--timeout", "1m",
                        "--progress", "none", "--shares"),
                run("status: gone", cli -> cli.ecs.image("cn-shanghai", "m-a", "web", new Step("Creating", 40, 120L),
                        ScriptedEcs.GONE), "status", "-i", "cn-shanghai:m-a", "--wait",
                        "--progress", "plain", "--interval", "1s"),
                run("status: unknown status", cli -> cli.ecs.image("cn-shanghai", "m-a", "web",
                        new Step("Frozen", 40, null), new Step("Available", 100, null)), "status", "-i",
                        "cn-shanghai:m-a", "--wait", "--progress", "plain"),
                run("status: never answered", cli -> cli.ecs.unreachable("DescribeImages"), "status", "-i",
                        "cn-shanghai:m-a", "--timeout", "1m", "--max-attempts", "1"),
                run("status: shares", cli -> cli.ecs.image("cn-shanghai", "m-a", "web", new Step("Available", 100, null))
                        .tag("m-a", "ecs-image:source", "cn-hangzhou/m-src"), "status", "-i", "cn-shanghai:m-a",
                        "--shares"),
                run("status: shares failed", cli -> cli.ecs.image("cn-shanghai", "m-a", "web",
                        new Step("Available", 100, null)).fail("DescribeImageSharePermission", 403, "Forbidden.RAM"),
                        "status", "-i", "cn-shanghai:m-a", "--shares"),
                run("cancel: not found", "cancel", "-i", "cn-shanghai:m-nope"),
                run("cancel: still listed", cli -> cli.ecs.image("cn-shanghai", "m-a", "web",
                        new Step("Creating", 40, 600L)), "cancel", "-i", "cn-shanghai:m-a", "--wait", "--timeout", "1s",
                        "--progress", "none"),
                run("copy: source missing", "copy", "-i", "m-nope", "-r", "cn-hangzhou", "-t", "cn-shanghai"),
                run("copy: source not available", cli -> cli.ecs.image("cn-hangzhou", "m-new", "new",
                        new Step("Creating", 10, null)), "copy", "-i", "m-new", "-r", "cn-hangzhou", "-t", "cn-shanghai"),
                run("copy: to all", NOTHING, "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "all", "--dry-run",
                        "--share-with", "1"),
                run("copy: skipped", cli -> cli.ecs.failIn("cn-hangzhou", "CopyImage", 403, "RegionNotSupportCopy"),
                        "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "all", "--progress", "none"),
                run("copy: failed", cli -> cli.ecs.copyScript("cn-shanghai", List.of(new Step("CreateFailed", 30, null))),
                        "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none"),
                run("copy: vanished", cli -> cli.ecs.copyScript("cn-shanghai", List.of()), "copy", "-i", "m-src", "-r",
                        "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none"),
                run("copy: timeout", RUNNING, "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai",
                        "--timeout", "4s", "--progress", "none", "--share-with", "1"),
                run("copy: timeout cancels", RUNNING, "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai",
                        "--timeout", "1s", "--cancel-on-abort", "--progress", "none"),
                run("copy: cancel fails", cli -> {
                    RUNNING.accept(cli);
                    cli.ecs.fail("CancelCopyImage", 403, "IncorrectImageStatus");
                }, "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--timeout", "1s",
                        "--cancel-on-abort", "--progress", "none"),
                run("copy: slow cancels", cli -> {
                    RUNNING.accept(cli);
                    cli.ecs.beforeCall = call -> {
                        if (call.action().equals("CancelCopyImage")) {
                            cli.time.advance(Duration.ofSeconds(11));
                        }
                    };
                }, "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing", "--timeout", "1s",
                        "--cancel-on-abort", "--progress", "none"),
                run("copy: no wait", NOTHING, "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--no-wait"),
                run("copy: interrupted", cli -> {
                    RUNNING.accept(cli);
                    cli.time.onSleep = cli::interrupt;
                }, "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none"),
                run("copy: no answer", cli -> cli.ecs.unreachable("CopyImage"), "copy", "-i", "m-src", "-r",
                        "cn-hangzhou", "-t", "cn-shanghai,cn-beijing", "--max-attempts", "1"),
                run("copy: deadline first", cli -> cli.ecs.unreachable("DescribeImages"), "copy", "-i", "m-src", "-r",
                        "cn-hangzhou", "-t", "cn-shanghai", "--timeout", "30s"),
                run("copy: retries", cli -> cli.ecs.fail("CopyImage", 503, "ServiceUnavailable"), "copy", "-i", "m-src",
                        "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none"),
                run("copy: share fails", cli -> cli.ecs.fail("ModifyImageSharePermission", 404, "InvalidAccount.NotFound"),
                        "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--share-with", "1",
                        "--progress", "none"),
                run("copy: reuse other source", cli -> cli.ecs.image("cn-shanghai", "m-rel", "rel",
                        new Step("Available", 100, null)).tag("m-rel", "ecs-image:source", "cn-hangzhou/m-other"),
                        "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-n", "rel", "--if-exists", "reuse"),
                run("copy: reuse failed", cli -> cli.ecs.image("cn-shanghai", "m-rel", "rel",
                        new Step("CreateFailed", 60, null)).tag("m-rel", "ecs-image:source", "cn-hangzhou/m-src"),
                        "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-n", "rel", "--if-exists", "reuse"),
                run("copy: reuse untagged", cli -> cli.ecs.image("cn-shanghai", "m-rel", "rel",
                        new Step("Available", 100, null)), "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t",
                        "cn-shanghai", "-n", "rel", "--if-exists", "reuse"),
                run("copy: reuse tagged", cli -> cli.ecs.image("cn-shanghai", "m-rel", "rel",
                        new Step("Available", 100, null)).tag("m-rel", "ecs-image:source", "cn-hangzhou/m-src"),
                        "copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-n", "rel", "--if-exists", "reuse"),
                run("credentials: none", cli -> {
                    cli.env.remove("ALIBABA_CLOUD_ACCESS_KEY_ID");
                    cli.env.remove("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
                    cli.env.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
                }, "status", "-i", "cn-shanghai:m-a"),
                run("credentials: secret missing", cli -> cli.env.remove("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
                        "status", "-i", "cn-shanghai:m-a"),
                run("credentials: profile not found", NOTHING, "-p", "nope", "status", "-i", "cn-shanghai:m-a"),
                run("credentials: ini missing", cli -> cli.env.put("ALIBABA_CLOUD_CREDENTIALS_FILE", "/nonexistent/c.ini"),
                        "-p", "x", "status", "-i", "cn-shanghai:m-a"));
    }

    private static Path_ run(String name, String... args) {
        return new Path_(name, NOTHING, args);
    }

    private static Path_ run(String name, Consumer<CliRun> setUp, String... args) {
        return new Path_(name, setUp, args);
    }

    /** copy with {@code n} items of {@code option}. */
    private static String[] tooMany(String option, int n, java.util.function.IntFunction<String> item, String... more) {
        List<String> args = new ArrayList<>(List.of("copy", "-i", "m-src", "-t", "cn-shanghai"));
        for (int i = 0; i < n; i++) {
            args.addAll(List.of(option, item.apply(i)));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void saysNothingInEnglishOnly(Path_ path) {
        CliRun zh = cli(path, "zh_CN.UTF-8");
        CliRun.Result chinese = zh.run(path.args());
        CliRun en = cli(path, "en_US.UTF-8");
        CliRun.Result english = en.run(path.args());

        assertEquals(english.status(), chinese.status(), path + ": the exit status is the same in both languages");
        assertFalse(chinese.err().isBlank() && chinese.out().isBlank(), path + ": says nothing");
        assertEquals(List.of(), englishOnly(chinese.err() + chinese.out()), path + ":\n" + chinese.err() + chinese.out());
    }

    private static CliRun cli(Path_ path, String lang) {
        CliRun cli = new CliRun();
        cli.env.put("LANG", lang);
        cli.env.put("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
        path.setUp().accept(cli);
        return cli;
    }

    /** A config.json a user can break: a file, a mode ecs-image cannot use, a profile that has no key. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configFiles")
    void profileFileProblemsAreChinese(String config, @TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun/config.json"), config);
        CliRun cli = new CliRun();
        cli.env.put("LANG", "zh_CN.UTF-8");
        cli.env.remove("ALIBABA_CLOUD_ACCESS_KEY_ID");
        cli.env.remove("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        cli.home = home;

        CliRun.Result r = cli.run("status", "-i", "cn-shanghai:m-a");

        assertEquals(3, r.status(), r.err());
        assertEquals(List.of(), englishOnly(r.err()), r.err());
    }

    static Stream<String> configFiles() {
        return Stream.of("{\"current\":", "{\"current\":\"a\"}",
                "{\"current\":\"a\",\"profiles\":[{\"name\":\"a\",\"mode\":\"CloudSSO\"}]}",
                "{\"current\":\"a\",\"profiles\":[{\"name\":\"a\",\"mode\":\"Kerberos\"}]}",
                "{\"current\":\"a\",\"profiles\":[{\"name\":\"a\",\"mode\":\"AK\",\"access_key_id\":\"x\"}]}",
                "{\"current\":\"b\",\"profiles\":[{\"name\":\"a\",\"mode\":\"AK\"}]}",
                "{\"current\":\"a\",\"profiles\":[{\"name\":\"a\",\"mode\":\"ChainableRamRoleArn\","
                        + "\"source_profile\":\"a\",\"ram_role_arn\":\"r\"}]}",
                "{\"current\":\"a\",\"profiles\":[{\"name\":\"a\",\"mode\":\"ChainableRamRoleArn\","
                        + "\"source_profile\":\"gone\",\"ram_role_arn\":\"r\"}]}",
                "{\"current\":\"a\",\"profiles\":[{\"name\":\"a\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"x\","
                        + "\"access_key_secret\":\"y\",\"ram_role_arn\":\"r\",\"expired_seconds\":\"soon\"}]}");
    }

    /** Every reason a --from file is refused, in Chinese. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("copySets")
    void copySetProblemsAreChinese(String content, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("copies.json");
        Files.writeString(file, content);
        CliRun cli = new CliRun();
        cli.env.put("LANG", "zh_CN.UTF-8");

        CliRun.Result r = cli.run("status", "--from", file.toString());

        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().startsWith("ecs-image: --from " + file + " 不是复制集（copy -o json 输出的 JSON）：")
                || r.err().startsWith("ecs-image: --from " + file + "："), r.err());
        assertEquals(List.of(), englishOnly(r.err()), r.err());
    }

    static Stream<String> copySets() {
        return Stream.of("", "{} {}", "{\"copies\":", "[]", "{\"images\": []}", "{\"copies\": {}}",
                "{\"copies\": [1]}", "{\"copies\": [{}]}", "{\"copies\": [{\"region\": 1, \"status\": \"A\"}]}",
                "{\"copies\": [{\"region\": \"cn-a\", \"status\": \"A\", \"progress\": \"x\"}]}",
                "{\"copies\": [{\"region\": \"cn-a\", \"status\": \"A\", \"reused\": 1}]}",
                "{\"copies\": [{\"region\": \"cn-a\", \"status\": \"A\", \"sharedWith\": 1}]}",
                "{\"copies\": [{\"region\": \"cn-a\", \"status\": \"A\", \"sharedWith\": [1]}]}",
                "{\"copies\": [{\"region\": \"cn-a\", \"status\": \"A\", \"error\": 1}]}",
                "{\"copies\": [{\"region\": \"cn-a\", \"status\": \"A\", \"error\": {\"code\": \"X\"}}]}",
                "{\"copies\": [{\"region\": \"cn-a\", \"status\": \"A\"}, {\"region\": \"cn-a\", \"status\": \"A\"}]}",
                "{\"sourceRegion\": 1, \"copies\": []}",
                "{\"copies\": [{\"region\": \"cn-a\", \"status\": \"A\"}]}");
    }

    /** The check itself: it finds an English sentence, and lets Chinese and what stays as it is through. */
    @Test
    void theCheckFindsEnglishSentencesOnly() {
        assertEquals(1, englishOnly("ecs-image: still running after 4s; the copies keep running.").size());
        assertEquals(1, englishOnly("cn-shanghai  m-a  Available  100%  shared with 123").size());
        assertEquals(1, englishOnly("ecs-image: --tag 'a': key must be 1 to 128 characters long").size());
        assertEquals(List.of(), englishOnly("ecs-image: 已等待 4s，仍未结束；这些复制会继续进行。\n"
                + "  跟踪：ecs-image status --wait -i cn-shanghai:m-a\n"
                + "ecs-image: cn-shanghai: Forbidden.RAM: User not authorized to operate on the specified resource. "
                + "(HTTP 403, RequestId 7A3B)\n"
                + "ecs-image: cn-shanghai: NetworkError: CopyImage in cn-hangzhou failed: connection refused\n"
                + "ecs-image: cn-hangzhou 的 CopyImage：the connection closed before the answer was complete；0.2s 后重试"
                + "（第 2/5 次尝试）\n"
                + "提示：请设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET\n"
                + "cn-shanghai     m-cnscopy1  Available  100%  剩余 1m\n"));
    }

    /** An error line: the region, the code, and from the code on the error's own message, which stays as it is. */
    private static final Pattern ERROR_MESSAGE = Pattern.compile("\\b[A-Z][A-Za-z]+(?:\\.[A-Za-z0-9]+)*: .*$");
    /** The reason of a retry line, the error's message: {@code 的 CopyImage：REASON；}. */
    private static final Pattern RETRY_REASON = Pattern.compile("(的 [A-Z][A-Za-z]+：)[^；]*；");
    private static final Pattern STAYS = Pattern.compile(String.join("|",
            "'[^']*'", "\"[^\"]*\"", "\\(HTTP \\d+[^)]*\\)",
            "\\S*[/~:=@.]\\S*", "\\S*\\d\\S*", "\\S*-\\S*", "\\b[A-Z][A-Z0-9_]+\\b", "\\b[A-Z][a-z]+[A-Z]\\w*"));
    private static final Pattern WORDS = Pattern.compile("\\b[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,}){2,}\\b");

    /** The lines of {@code text} that, without what stays as it is, still hold three English words in a row. */
    static List<String> englishOnly(String text) {
        List<String> found = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String rest = line.replaceFirst("^ecs-image: ", "");
            int command = rest.indexOf("ecs-image ");
            if (command >= 0) {
                rest = rest.substring(0, command);
            }
            rest = RETRY_REASON.matcher(rest).replaceAll("$1；");
            rest = ERROR_MESSAGE.matcher(rest).replaceAll("");
            rest = STAYS.matcher(rest).replaceAll(" ");
            Matcher m = WORDS.matcher(rest);
            if (m.find()) {
                found.add(line + "    <- " + m.group());
            }
        }
        return found;
    }
}
