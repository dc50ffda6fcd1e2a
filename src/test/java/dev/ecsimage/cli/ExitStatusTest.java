package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.cli.ScriptedEcs.Step;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every exit status of the table that an in-process run can reach (130 and 143 need a real process: see the e2e tests). */
class ExitStatusTest {
    private final CliRun cli = new CliRun();

    private CliRun.Result copy(String... extra) {
        String[] base = {"copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return cli.run(all);
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource({
        "4, Forbidden.RAM, 403",
        "4, Forbbiden, 403",
        "4, InvalidAccessKeyId.NotFound, 404",
        "4, InvalidParameter.KMSKeyId.KMSUnauthorized, 403",
        "5, InvalidImageId.NotFound, 404",
        "5, InvalidParameter.KMSKeyId.NotFound, 404",
        "6, RegionNotSupportCopy, 403",
        "6, OperationDeined.EncryptedSnapshot, 403",
        "6, InvalidSnapshot.TooOld, 403",
        "7, OperationDenied.ImageCopying, 403",
        "7, IdempotentParameterMismatch, 400",
        "8, QuotaExceed.Image, 403",
        "8, SizeExceed.Image, 403",
    })
    void aCopyImageErrorCodeGivesItsStatus(int status, String code, int http) {
        cli.ecs.fail("CopyImage", http, code);

        CliRun.Result r = copy();

        assertEquals(status, r.status(), r.err());
        assertEquals("cn-shanghai  -  Error  -\n", r.out());
        assertTrue(r.err().startsWith("ecs-image: cn-shanghai: " + code + ": scripted " + code + " (HTTP " + http
                + ", RequestId req-err)\n"), r.err());
        assertEquals(1, cli.ecs.count("CopyImage"), "permanent errors are not retried");
    }

    @Test
    void forbiddenNamesTheRamActions() {
        cli.ecs.fail("CopyImage", 403, "Forbidden.RAM");

        CliRun.Result r = copy("--verbose");

        assertEquals("ecs-image: cn-shanghai: Forbidden.RAM: scripted Forbidden.RAM (HTTP 403, RequestId req-err)\n"
                + "hint: the RAM user or role needs the actions ecs:CopyImage, ecs:DescribeImages and "
                + "ecs:CancelCopyImage on these images (to share them, also ecs:ModifyImageSharePermission and "
                + "ecs:DescribeImageSharePermission)\n"
                + "see: https://help.example/Forbidden.RAM\n", r.err().replaceAll("(?m)^debug: .*\n", ""));
    }

    @Test
    void throttlingUntilTheLastAttemptIs9() {
        cli.ecs.fail("CopyImage", 400, "Throttling.User").fail("CopyImage", 400, "Throttling.User");

        CliRun.Result r = copy("--max-attempts", "2");

        assertEquals(9, r.status());
        assertEquals(2, cli.ecs.count("CopyImage"));
        assertEquals("ecs-image: CopyImage in cn-hangzhou: Throttling.User; retrying (2/2) in Xs\n"
                + "ecs-image: cn-shanghai: Throttling.User: scripted Throttling.User (HTTP 400, RequestId req-err)\n"
                + "hint: gave up after 2 attempts: retry later, or raise --max-attempts\n", CliRun.anyDelay(r.err()));
    }

    @Test
    void aNetworkFailureUntilTheLastAttemptIs9() {
        cli.ecs.drop("CopyImage").drop("CopyImage");

        CliRun.Result r = copy("--max-attempts", "2");

        assertEquals(9, r.status());
        assertEquals("cn-shanghai  -  Unknown  -\n", r.out());
        assertEquals("ecs-image: CopyImage in cn-hangzhou: network error: Connection reset; retrying (2/2) in Xs\n"
                + "ecs-image: cn-shanghai: NetworkError: CopyImage in cn-hangzhou failed: network error: "
                + "Connection reset\nhint: gave up after 2 attempts: retry later, or raise --max-attempts\n",
                CliRun.anyDelay(r.err().substring(0, r.err().indexOf("ecs-image: cn-shanghai: CopyImage got no answer"))));
    }

    @Test
    void aCopyThatVanishesWhileWaitedForIs11() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, null)));
        cli.time.onSleep = () -> cli.ecs.remove("cn-shanghai", "m-cnscopy1");

        CliRun.Result r = copy();

        assertEquals(11, r.status());
        assertEquals("cn-shanghai  m-cnscopy1  Gone  -\n", r.out());
        assertEquals("ecs-image: cn-shanghai: the copy m-cnscopy1 disappeared while being waited for "
                + "(cancelled or deleted elsewhere?)\n", r.err());
    }

    @Test
    void anUnexpectedExceptionIs1WithOneLineAndTheTraceOnlyWhenVerbose() {
        cli.ecs.explode("CopyImage", new IllegalStateException("boom"));

        CliRun.Result r = copy();

        assertEquals(1, r.status());
        assertEquals("ecs-image: internal error: java.lang.IllegalStateException: boom "
                + "(run with --verbose for the stack trace, and please report it)\n", r.err());

        cli.ecs.explode("CopyImage", new IllegalStateException("boom"));
        CliRun.Result verbose = copy("-v");
        assertEquals(1, verbose.status());
        assertTrue(verbose.err().contains("\tat dev.ecsimage."), verbose.err());
    }

    @Test
    void noCredentialsIs3() {
        cli.env.clear();
        cli.env.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");

        CliRun.Result r = copy();

        assertEquals(3, r.status());
        assertEquals("", r.out());
        assertEquals(0, cli.ecs.calls.size());
        assertEquals("ecs-image: no credentials found: tried environment variables; ~/.aliyun/config.json (absent); "
                + "~/.alibabacloud/credentials (absent); ECS metadata (disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED)\n"
                + "hint: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run 'aliyun configure', "
                + "or try --sandbox\n", r.err().replace(cli.home.toString(), "~"));
        assertEquals("ecs-image: no credentials found", copy("-q").err().lines().findFirst().orElseThrow()
                .substring(0, 31));
        assertEquals(1, copy("-q").err().lines().count(), "no hint with --quiet");
    }

    @Test
    void aCredentialsFileOthersCanReadIsUsedWithAWarning(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
            throws Exception {
        cli.env.clear();
        cli.home = home;
        java.nio.file.Path config = java.nio.file.Files.createDirectories(home.resolve(".aliyun")).resolve("config.json");
        java.nio.file.Files.writeString(config, "{\"current\": \"default\", \"profiles\": [{\"name\": \"default\", "
                + "\"mode\": \"AK\", \"access_key_id\": \"LTAIfile\", \"access_key_secret\": \"s3cret\", "
                + "\"region_id\": \"cn-shanghai\"}]}");
        java.nio.file.Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Available", 100, null));

        CliRun.Result r = cli.run("status", "-i", "m-a");

        assertEquals(0, r.status(), r.err());
        assertEquals("warning: ~/.aliyun/config.json is readable by others (mode 0644): chmod 600 it\n", r.err());
    }

    @Test
    void noRegionIs3() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-t", "cn-shanghai");

        assertEquals(3, r.status());
        assertEquals("ecs-image: no region: use --region, or set ALIBABA_CLOUD_REGION_ID or a profile's region_id\n",
                r.err());
    }

    @Test
    void theRegionComesFromTheEnvironmentWhenNotGiven() {
        cli.env.put("ALIBABA_CLOUD_REGION_ID", "cn-shanghai");
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Available", 100, null));

        CliRun.Result r = cli.run("status", "-i", "m-a");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai", cli.ecs.calls.get(0).region());
    }
}
