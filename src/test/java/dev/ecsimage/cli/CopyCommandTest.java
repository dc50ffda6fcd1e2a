package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.cli.ScriptedEcs.Step;
import dev.ecsimage.transport.ApiCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyCommandTest {
    private final CliRun cli = new CliRun();

    private static Duration s(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }

    private List<ApiCall> calls(String action) {
        return cli.ecs.calls.stream().filter(c -> c.action().equals(action)).toList();
    }

    @Test
    void checksTheSourceOnceThenCopiesToTwoRegionsInOrderAndWaitsUntilAvailable() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--progress", "none");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Available  100%\n"
                + "cn-beijing   m-cnbcopy2  Available  100%\n", r.out());
        assertEquals("", r.err());
        ApiCall sourceCheck = cli.ecs.calls.get(0);
        assertEquals("DescribeImages", sourceCheck.action());
        assertEquals("cn-hangzhou", sourceCheck.region());
        assertEquals("m-src", sourceCheck.params().get("ImageId"));
        assertEquals("Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated", sourceCheck.params().get("Status"));
        List<ApiCall> copies = calls("CopyImage");
        assertEquals(2, copies.size());
        assertEquals("cn-hangzhou", copies.get(0).region());
        assertEquals("cn-hangzhou", copies.get(0).params().get("RegionId"));
        assertEquals("m-src", copies.get(0).params().get("ImageId"));
        assertEquals("cn-shanghai", copies.get(0).params().get("DestinationRegionId"));
        assertEquals("token-1-cn-shanghai", copies.get(0).params().get("ClientToken"));
        assertEquals("cn-beijing", copies.get(1).params().get("DestinationRegionId"));
        assertEquals("token-1-cn-beijing", copies.get(1).params().get("ClientToken"));
        ApiCall poll = cli.ecs.calls.get(3);
        assertEquals("cn-shanghai", poll.region());
        assertEquals("m-cnscopy1", poll.params().get("ImageId"));
        assertEquals("Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated", poll.params().get("Status"));
        assertEquals(1 + 6, cli.ecs.count("DescribeImages"), "the source check, then one call per region per round");
        assertEquals(List.of(s(2), s(30)), cli.time.sleeps, "Waiting with no estimate: 2 s; then half the 60 s left");
    }

    @Test
    void withoutAnEstimateTheIntervalGrowsByHalfThenFollowsTheObservedRate() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, null), new Step("Creating", 10, null),
                new Step("Creating", 10, null), new Step("Creating", 10, null), new Step("Creating", 10, null),
                new Step("Creating", 10, null), new Step("Creating", 10, null), new Step("Creating", 20, null),
                new Step("Available", 100, null)));

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none");

        assertEquals(0, r.status(), r.err());
        // 10 points in 56.375 s: 80 points (451 s) left, polled again after the longest interval, 60 s.
        assertEquals(List.of(s(2), s(3), s(4.5), s(6.75), s(10.125), s(15), s(15), s(60)), cli.time.sleeps);
    }

    @Test
    void aFixedIntervalIsUsedAsGiven() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--interval", "500ms", "--progress", "none");

        assertEquals(0, r.status());
        assertEquals(List.of(s(0.5), s(0.5)), cli.time.sleeps);
    }

    @Test
    void theDeadlineCutsTheSleepShortAndLeavesTheCopyRunningWithOneFollowAndOneCancelLine() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, 600L)));

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--timeout", "4s", "--progress", "none");

        assertEquals(12, r.status());
        assertEquals(List.of(s(4)), cli.time.sleeps, "the sleep (60 s: 600 s left) is cut to the 4s left");
        assertEquals("cn-shanghai  m-cnscopy1  Creating  10%  ETA 10m\n", r.out());
        assertEquals("ecs-image: still running after 4s; the copies keep running.\n"
                + "  follow: ecs-image status --wait -i cn-shanghai:m-cnscopy1\n"
                + "  cancel: ecs-image cancel -i cn-shanghai:m-cnscopy1\n", r.err());
        assertEquals(0, cli.ecs.count("CancelCopyImage"));
        assertTrue(cli.ecs.exists("cn-shanghai", "m-cnscopy1"));
    }

    @Test
    void onTimeoutCancelOnAbortCancelsWhatStillRuns() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, 600L)));

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--timeout", "1s", "--cancel-on-abort", "--progress", "none");

        assertEquals(12, r.status());
        assertEquals(1, cli.ecs.count("CancelCopyImage"));
        assertFalse(cli.ecs.exists("cn-shanghai", "m-cnscopy1"));
        assertEquals("ecs-image: still running after 1s; cancelled the copy m-cnscopy1 in cn-shanghai\n", r.err());
    }

    @Test
    void transientErrorsWhilePollingDoNotEndTheWait() {
        cli.ecs.failIn("cn-shanghai", "DescribeImages", 503, "ServiceUnavailable")
                .failIn("cn-shanghai", "DescribeImages", 400, "Throttling.User");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--max-attempts", "1", "--progress", "plain");

        assertEquals(0, r.status(), r.err());
        String[] lines = r.err().split("\n");
        assertTrue(lines[0].startsWith("ecs-image: cn-shanghai: ServiceUnavailable: scripted ServiceUnavailable "
                + "(HTTP 503, RequestId req-err); polling again in "), r.err());
        assertTrue(lines[1].startsWith("ecs-image: cn-shanghai: Throttling.User: "), r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Waiting  0%", lines[2]);
        assertEquals("cn-shanghai  m-cnscopy1  Creating  50%  ETA 1m", lines[3]);
        assertEquals("cn-shanghai  m-cnscopy1  Available  100%", lines[4]);
        assertEquals(1 + 5, cli.ecs.count("DescribeImages"));
    }

    @Test
    void twoDestinationsOneFailingExitWithTheFailure() {
        cli.ecs.copyScript("cn-beijing", List.of(new Step("Creating", 30, null), new Step("CreateFailed", 30, null)));

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--progress", "none", "-o", "json");

        assertEquals(10, r.status());
        assertEquals("ecs-image: cn-beijing: the copy m-cnbcopy2 ended CreateFailed\n", r.err());
        assertEquals("""
                {
                  "sourceImageId": "m-src",
                  "sourceRegion": "cn-hangzhou",
                  "copies": [
                    {
                      "region": "cn-shanghai",
                      "imageId": "m-cnscopy1",
                      "status": "Available",
                      "progress": 100,
                      "requestId": "req-2",
                      "clientToken": "token-1-cn-shanghai",
                      "reused": false,
                      "sharedWith": null,
                      "error": null
                    },
                    {
                      "region": "cn-beijing",
                      "imageId": "m-cnbcopy2",
                      "status": "CreateFailed",
                      "progress": 30,
                      "requestId": "req-3",
                      "clientToken": "token-1-cn-beijing",
                      "reused": false,
                      "sharedWith": null,
                      "error": null
                    }
                  ]
                }
                """, r.out());
    }

    @Test
    void aRejectedDestinationDoesNotStopTheOthersAndSetsTheStatus() {
        cli.ecs.fail("CopyImage", 400, "InvalidImageName.Duplicated");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "-n", "web-v2", "--progress", "none");

        assertEquals(7, r.status());
        assertEquals("cn-shanghai  -  Error  -\n"
                + "cn-beijing   m-cnbcopy1  Available  100%\n", r.out());
        assertEquals("ecs-image: cn-shanghai: InvalidImageName.Duplicated: scripted InvalidImageName.Duplicated "
                + "(HTTP 400, RequestId req-err)\n"
                + "hint: the destination already has an image of that name: --if-exists reuse waits for it, "
                + "or choose another --name\n", r.err());
    }

    @Test
    void quietPrintsOneLinePerDestinationEmptyWhereNoCopyWasMade() {
        cli.ecs.failIn("cn-beijing", "CopyImage", 403, "QuotaExceed.Image");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing,cn-shenzhen",
                "--no-wait", "-q");

        assertEquals(8, r.status());
        assertEquals("m-cnscopy1\n\nm-cnscopy2\n", r.out(), "line N is the Nth --to region");
    }

    @Test
    void ifExistsReuseWaitsForTheImageOfThatName() {
        cli.ecs.image("cn-shanghai", "m-existing", "web-v2", new Step("Creating", 90, null), new Step("Available", 100, null))
                .tag("m-existing", "ecs-image:source", "cn-hangzhou/m-src");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-n", "web-v2",
                "--if-exists", "reuse", "--progress", "none");

        assertEquals(0, r.status(), r.err());
        assertEquals(0, cli.ecs.count("CopyImage"));
        assertEquals("cn-shanghai  m-existing  Available  100%\n", r.out());
        assertEquals("ecs-image: reusing m-existing in cn-shanghai, already named web-v2 (Creating)\n", r.err());
        ApiCall lookup = cli.ecs.calls.get(1);
        assertEquals("web-v2", lookup.params().get("ImageName"));
        assertEquals("self", lookup.params().get("ImageOwnerAlias"));
    }

    @Test
    void noWaitQuietPrintsOnlyTheNewIds() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-t", "cn-beijing",
                "--no-wait", "-q");

        assertEquals(0, r.status());
        assertEquals("m-cnscopy1\nm-cnbcopy2\n", r.out());
        assertEquals("", r.err());
        assertEquals(1, cli.ecs.count("DescribeImages"), "the source check only");
    }

    @Test
    void noWaitSaysHowToFollowAndCancelWithEveryOptionThatChangesWhereCallsGo(@org.junit.jupiter.api.io.TempDir
                                                                                 java.nio.file.Path home) throws Exception {
        cli.env.clear();
        cli.home = home;
        java.nio.file.Files.createDirectories(home.resolve(".aliyun"));
        java.nio.file.Path config = home.resolve(".aliyun/config.json");
        java.nio.file.Files.writeString(config, "{\"profiles\": [{\"name\": \"ci prod\", \"mode\": \"AK\", "
                + "\"access_key_id\": \"LTAIfile\", \"access_key_secret\": \"s3cret\"}]}");
        java.nio.file.Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        CliRun.Result r = cli.run("--profile", "ci prod", "--endpoint", "http://127.0.0.1:8800/?a=b&c", "--network", "vpc",
                "--signature-version", "v1", "--read-timeout", "5s", "copy", "-i", "m-src", "-r", "cn-hangzhou",
                "-t", "cn-shanghai,cn-beijing", "--no-wait");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Accepted  -\ncn-beijing   m-cnbcopy2  Accepted  -\n", r.out());
        String where = "ecs-image --profile 'ci prod' --endpoint 'http://127.0.0.1:8800/?a=b&c' --network vpc "
                + "--signature-version v1 ";
        assertEquals("ecs-image: not waiting (--no-wait); the copies keep running.\n"
                + "  follow: " + where + "status --wait -i cn-shanghai:m-cnscopy1,cn-beijing:m-cnbcopy2\n"
                + "  cancel: " + where + "cancel -i cn-shanghai:m-cnscopy1,cn-beijing:m-cnbcopy2\n", r.err());
    }

    @Test
    void withTheSandboxThereIsNothingToFollowLater() {
        CliRun.Result r = cli.run("--sandbox", "copy", "-i", "m-bp1ujzde8gxd6ncf10ep", "-r", "cn-hangzhou",
                "-t", "cn-shanghai", "--no-wait", "--client-token", "t");

        assertEquals(0, r.status(), r.err());
        assertEquals("ecs-image: not waiting (--no-wait); the copies were simulated by --sandbox and ended with this "
                + "process\n", r.err());
    }

    @Test
    void aDryRunThatPassesExitsZero() {
        cli.ecs.fail("CopyImage", 400, "DryRunOperation");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--dry-run");

        assertEquals(0, r.status(), r.err());
        assertEquals("true", calls("CopyImage").get(0).params().get("DryRun"));
        assertEquals("cn-shanghai  -  DryRunPassed  -\n", r.out());
        assertEquals("ecs-image: dry run passed: CopyImage would be accepted for cn-shanghai (nothing was copied)\n",
                r.err());
    }

    @Test
    void everyOptionMapsToItsParameter() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--no-wait",
                "-n", "镜像-web.v2:1", "-d", "nightly build", "--encrypted", "--kms-key-id", "key-1",
                "--tag", "team=infra", "--tag", "empty=", "--resource-group-id", "rg-1", "--client-token", "abc-123");

        assertEquals(0, r.status(), r.err());
        Map<String, String> p = calls("CopyImage").get(0).params();
        assertEquals("镜像-web.v2:1", p.get("DestinationImageName"));
        assertEquals("nightly build", p.get("DestinationDescription"));
        assertEquals("true", p.get("Encrypted"));
        assertEquals("key-1", p.get("KMSKeyId"));
        assertEquals("team", p.get("Tag.1.Key"));
        assertEquals("infra", p.get("Tag.1.Value"));
        assertEquals("empty", p.get("Tag.2.Key"));
        assertEquals("", p.get("Tag.2.Value"));
        assertEquals("rg-1", p.get("ResourceGroupId"));
        assertEquals("abc-123", p.get("ClientToken"), "one destination: the token as given");
        assertEquals(null, p.get("DryRun"));
    }

    @Test
    void eachDestinationGetsItsOwnKmsKeyAndOneWithoutGetsTheServiceKey() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing,cn-shenzhen",
                "--no-wait", "-q", "--encrypted", "--kms-key-id", "cn-shanghai=key-sh", "--kms-key-id", "cn-shenzhen=key-sz");

        assertEquals(0, r.status(), r.err());
        List<ApiCall> copies = calls("CopyImage");
        assertEquals("key-sh", copies.get(0).params().get("KMSKeyId"));
        assertEquals(null, copies.get(1).params().get("KMSKeyId"));
        assertEquals("true", copies.get(1).params().get("Encrypted"));
        assertEquals("key-sz", copies.get(2).params().get("KMSKeyId"));
    }

    @Test
    void kmsKeysThatDoNotFitTheDestinationsAreUsageErrors() {
        CliRun.Result plain = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--encrypted", "--kms-key-id", "key-1");
        assertEquals(2, plain.status());
        assertEquals("ecs-image: --kms-key-id 'key-1': KMS keys are regional, and --to cn-shanghai,cn-beijing has "
                + "several destinations: give one key per destination as REGION=KEY_ID (e.g. --kms-key-id "
                + "cn-shanghai=KEY1,cn-beijing=KEY2); a destination without one gets the service key\n"
                + "Try 'ecs-image copy --help' for more information.\n", plain.err());

        CliRun.Result elsewhere = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--encrypted", "--kms-key-id", "cn-shanghai=k1,cn-shenzhen=k2");
        assertEquals(2, elsewhere.status());
        assertEquals("ecs-image: --kms-key-id 'cn-shenzhen=k2': cn-shenzhen is not a destination of "
                + "--to cn-shanghai,cn-beijing", elsewhere.err().lines().findFirst().orElseThrow());

        CliRun.Result notARegion = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--encrypted", "--kms-key-id", "shanghai=k1");
        assertEquals("ecs-image: --kms-key-id 'shanghai=k1' is not REGION=KEY_ID: 'shanghai' is not a region id "
                + "(like cn-hangzhou or ap-southeast-1)", notARegion.err().lines().findFirst().orElseThrow());

        CliRun.Result underAll = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "all",
                "--encrypted", "--kms-key-id", "key-1");
        assertEquals(2, underAll.status());
        assertTrue(underAll.err().startsWith("ecs-image: --kms-key-id 'key-1': KMS keys are regional, and --to all has "
                + "several destinations: "), underAll.err());
        assertEquals(0, cli.ecs.calls.size(), "all of them before any call");
    }

    @Test
    void toAllCopiesToEveryRegionButTheSourceAndSkipsOneThatDoesNotSupportCopying() {
        cli.ecs.regions = List.of("cn-shanghai", "cn-hangzhou", "cn-nanjing", "cn-beijing");
        cli.ecs.failIn("cn-nanjing", "CopyImage", 403, "RegionNotSupportCopy");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "all", "--progress", "none",
                "--client-token", "rel-7");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Available  100%\n"
                + "cn-nanjing   -           Skipped    -\n".replace("-           Skipped    -", "-  Skipped  -")
                + "cn-beijing   m-cnbcopy2  Available  100%\n", r.out());
        assertEquals("ecs-image: --to all: 3 regions: cn-shanghai, cn-nanjing, cn-beijing\n"
                + "ecs-image: cn-nanjing: skipped: RegionNotSupportCopy: scripted RegionNotSupportCopy "
                + "(HTTP 403, RequestId req-err)\n", r.err());
        ApiCall regions = calls("DescribeRegions").get(0);
        assertEquals("cn-hangzhou", regions.region());
        assertEquals(List.of("rel-7-cn-shanghai", "rel-7-cn-nanjing", "rel-7-cn-beijing"),
                calls("CopyImage").stream().map(c -> c.params().get("ClientToken")).toList());
    }

    @Test
    void toAllWithExcludeAndDryRunListsTheRegionsItResolvedTo() {
        cli.ecs.fail("CopyImage", 400, "DryRunOperation").fail("CopyImage", 400, "DryRunOperation");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "all", "--exclude", "cn-beijing",
                "--dry-run", "-o", "json");

        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"region\": \"cn-shanghai\",\n      \"imageId\": null,\n      \"status\": \"DryRunPassed\""),
                r.out());
        assertTrue(r.out().contains("\"region\": \"cn-shenzhen\",\n      \"imageId\": null,\n      \"status\": \"DryRunPassed\""),
                r.out());
        assertFalse(r.out().contains("cn-beijing"), r.out());
        assertEquals("ecs-image: --to all: 2 regions: cn-shanghai, cn-shenzhen\n"
                + "ecs-image: dry run passed: CopyImage would be accepted for cn-shanghai, cn-shenzhen (nothing was "
                + "copied)\n", r.err());
    }

    @Test
    void toAllAndExcludeAreCheckedAsUsage() {
        assertEquals("ecs-image: --to all stands alone (got all,cn-shanghai): leave regions out with --exclude",
                cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "all,cn-shanghai").err().lines().findFirst()
                        .orElseThrow());
        assertEquals("ecs-image: --exclude works with --to all only: with a list, leave the region out of --to",
                cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--exclude", "cn-beijing")
                        .err().lines().findFirst().orElseThrow());
        assertEquals(0, cli.ecs.calls.size());

        CliRun.Result typo = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "all", "--exclude", "cn-bejing");
        assertEquals(2, typo.status());
        assertEquals("ecs-image: --exclude 'cn-bejing' is not one of the regions DescribeRegions lists: cn-hangzhou, "
                + "cn-shanghai, cn-beijing, cn-shenzhen", typo.err().lines().findFirst().orElseThrow());
        assertEquals(0, cli.ecs.count("CopyImage"));
    }

    @Test
    void anExplicitRegionThatDoesNotSupportCopyingStillFails() {
        cli.ecs.failIn("cn-nanjing", "CopyImage", 403, "RegionNotSupportCopy");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-nanjing,cn-shanghai",
                "--no-wait", "-q");

        assertEquals(6, r.status());
        assertEquals("\nm-cnscopy1\n", r.out());
    }

    @Test
    void aSourceThatDoesNotExistIsOneErrorAndNoCopyImage() {
        CliRun.Result r = cli.run("copy", "-i", "m-nope", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing");

        assertEquals(5, r.status());
        assertEquals("", r.out());
        assertEquals("ecs-image: InvalidImageId.NotFound: no image m-nope in cn-hangzhou: check --image-id and --region "
                + "(the source image's region)\n", r.err());
        assertEquals(0, cli.ecs.count("CopyImage"));

        cli.ecs.image("cn-hangzhou", "m-building", null, new Step("Creating", 45, null));
        CliRun.Result building = cli.run("copy", "-i", "m-building", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-o", "json");
        assertEquals(6, building.status());
        assertEquals("{\"error\": {\"code\": \"IncorrectImageStatus\", \"message\": \"the source image m-building in "
                + "cn-hangzhou is Creating\", \"requestId\": null, \"httpStatus\": null, \"exitStatus\": 6}}\n",
                building.err());
        assertEquals(0, cli.ecs.count("CopyImage"));
    }

    @Test
    void aSignalWhileWaitingPrintsEveryCopyAsLastSeenAndOneFollowLine() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, 600L)))
                .copyScript("cn-beijing", List.of(new Step("Waiting", 0, null)));
        cli.time.onSleep = cli::interrupt;

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--progress", "none", "-o", "json", "--client-token", "t");

        assertEquals(130, r.status());
        assertEquals("""
                {
                  "sourceImageId": "m-src",
                  "sourceRegion": "cn-hangzhou",
                  "copies": [
                    {
                      "region": "cn-shanghai",
                      "imageId": "m-cnscopy1",
                      "status": "Creating",
                      "progress": 10,
                      "requestId": "req-2",
                      "clientToken": "t-cn-shanghai",
                      "reused": false,
                      "sharedWith": null,
                      "error": null
                    },
                    {
                      "region": "cn-beijing",
                      "imageId": "m-cnbcopy2",
                      "status": "Waiting",
                      "progress": 0,
                      "requestId": "req-3",
                      "clientToken": "t-cn-beijing",
                      "reused": false,
                      "sharedWith": null,
                      "error": null
                    }
                  ]
                }
                """, r.out());
        assertEquals("ecs-image: interrupted; the copies keep running.\n"
                + "  follow: ecs-image status --wait -i cn-shanghai:m-cnscopy1,cn-beijing:m-cnbcopy2\n"
                + "  cancel: ecs-image cancel -i cn-shanghai:m-cnscopy1,cn-beijing:m-cnbcopy2\n", r.err());
        assertEquals(0, cli.ecs.count("CancelCopyImage"));
    }

    @Test
    void aSignalWithCancelOnAbortCancelsTheCopiesThatRun() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, 600L)));
        cli.time.onSleep = cli::interrupt;

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none",
                "--cancel-on-abort", "-q");

        assertEquals(130, r.status());
        assertEquals("m-cnscopy1\n", r.out());
        assertEquals("ecs-image: interrupted; cancelled the copy m-cnscopy1 in cn-shanghai\n", r.err());
        assertEquals(1, cli.ecs.count("CancelCopyImage"));
        assertTrue(cli.abortHooks.isEmpty(), "the hook is removed as the run ends");
    }

    @Test
    void cancelsOnAbortStopAfterTenSecondsAndSayWhichCopiesMayStillRun() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, 600L)))
                .copyScript("cn-beijing", List.of(new Step("Creating", 10, 600L)));
        cli.ecs.beforeCall = call -> {
            if (call.action().equals("CancelCopyImage")) {
                cli.time.advance(Duration.ofSeconds(11)); // a cancel that takes long
            }
        };
        cli.time.onSleep = cli::interrupt;

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--progress", "none", "--cancel-on-abort");

        assertEquals(130, r.status());
        assertEquals("ecs-image: interrupted; cancelled the copy m-cnscopy1 in cn-shanghai\n"
                + "ecs-image: interrupted; could not cancel m-cnbcopy2 in cn-beijing within 10s: it may still be running\n"
                + "  cancel: ecs-image cancel -i cn-beijing:m-cnbcopy2\n", r.err());
        assertEquals(1, cli.ecs.count("CancelCopyImage"), "no cancel starts after the bound");
    }

    @Test
    void aSignalWhileCopyImageIsInFlightGivesAnUnknownRowAndTheExactCommandThatFindsTheCopy() {
        ApiCall[] inFlight = new ApiCall[1];
        cli.ecs.beforeCall = call -> {
            if (call.action().equals("CopyImage") && "cn-beijing".equals(call.params().get("DestinationRegionId"))) {
                inFlight[0] = call;
                cli.interrupt(); // the request is out, its answer not in
            }
        };

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--progress", "none", "-n", "web-7", "-d", "it's nightly", "--encrypted",
                "--kms-key-id", "cn-beijing=key-bj", "--tag", "team=web", "--tag", "empty=",
                "--resource-group-id", "rg-1", "--client-token", "rel-7", "-o", "json");

        assertEquals(130, r.status());
        assertTrue(r.out().contains("""
                    },
                    {
                      "region": "cn-beijing",
                      "imageId": null,
                      "status": "Unknown",
                      "progress": null,
                      "requestId": null,
                      "clientToken": "rel-7-cn-beijing",
                      "reused": false,
                      "sharedWith": null,
                      "error": null
                    }
                  ]
                """), r.out());
        assertTrue(r.out().contains("\"imageId\": \"m-cnscopy1\",\n      \"status\": \"Accepted\""), r.out());
        String again = "ecs-image copy -i m-src -r cn-hangzhou -t cn-beijing --client-token rel-7-cn-beijing -n web-7 "
                + "-d 'it'\\''s nightly' --encrypted --kms-key-id key-bj --tag team=web --tag empty= "
                + "--resource-group-id rg-1";
        assertEquals("ecs-image: cn-beijing: CopyImage got no answer: a copy may have started (ClientToken "
                + "rel-7-cn-beijing). This finds it again (the same token returns the same image, or makes the copy "
                + "if there is none):\n"
                + "  " + again + "\n"
                + "ecs-image: interrupted; the copies keep running.\n"
                + "  follow: ecs-image status --wait -i cn-shanghai:m-cnscopy1\n"
                + "  cancel: ecs-image cancel -i cn-shanghai:m-cnscopy1\n", r.err());
        assertEquals(CopyCommand.ANSWER_GRACE, cli.time.elapsed(), "it waited the grace for the answer");

        // Pasted (here: split as a shell would), the command sends exactly the CopyImage that got no answer.
        CliRun rerun = new CliRun();
        CliRun.Result found = rerun.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-beijing", "--client-token",
                "rel-7-cn-beijing", "-n", "web-7", "-d", "it's nightly", "--encrypted", "--kms-key-id", "key-bj",
                "--tag", "team=web", "--tag", "empty=", "--resource-group-id", "rg-1", "--no-wait", "-q");
        assertEquals(0, found.status(), found.err());
        assertEquals(inFlight[0].params(), rerun.ecs.calls.stream().filter(c -> c.action().equals("CopyImage"))
                .findFirst().orElseThrow().params());
    }

    @Test
    void everyCopyImageAttemptWithoutAnswerGivesAnUnknownRowAndTheCommandThatFindsTheCopy() {
        cli.ecs.drop("CopyImage").drop("CopyImage");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--max-attempts", "2",
                "--client-token", "t1", "-o", "json");

        assertEquals(9, r.status());
        assertTrue(r.out().contains("""
                      "region": "cn-shanghai",
                      "imageId": null,
                      "status": "Unknown",
                      "progress": null,
                      "requestId": null,
                      "clientToken": "t1",
                      "reused": false,
                      "sharedWith": null,
                      "error": {
                        "code": "NetworkError",
                        "message": "CopyImage in cn-hangzhou failed: network error: Connection reset",
                        "requestId": null,
                        "httpStatus": null,
                        "exitStatus": 9
                      }
                """), r.out());
        assertEquals("ecs-image: CopyImage in cn-hangzhou: network error: Connection reset; retrying (2/2) in Xs\n"
                + "ecs-image: cn-shanghai: NetworkError: CopyImage in cn-hangzhou failed: network error: Connection reset\n"
                + "hint: gave up after 2 attempts: retry later, or raise --max-attempts\n"
                + "ecs-image: cn-shanghai: CopyImage got no answer: a copy may have started (ClientToken t1). This finds "
                + "it again (the same token returns the same image, or makes the copy if there is none):\n"
                + "  ecs-image copy -i m-src -r cn-hangzhou -t cn-shanghai --client-token t1\n", CliRun.anyDelay(r.err()));
    }

    @Test
    void whenTheSourceEndpointGivesNoAnswerTheOtherDestinationsAreNotSent() {
        cli.ecs.unreachable("CopyImage");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing,cn-shenzhen",
                "--max-attempts", "3", "-q");

        assertEquals(9, r.status());
        assertEquals("\n\n\n", r.out());
        assertEquals(3, cli.ecs.count("CopyImage"), "the first destination's attempts only");
        assertEquals("ecs-image: cn-shanghai: NetworkError: CopyImage in cn-hangzhou failed: network error: Connection refused\n"
                + "ecs-image: CopyImage to cn-shanghai got no answer after every attempt: the other destinations were "
                + "not sent (the same endpoint, cn-hangzhou's, serves them all)\n"
                + "ecs-image: cn-shanghai: CopyImage got no answer: a copy may have started (ClientToken "
                + "token-1-cn-shanghai). This finds it again (the same token returns the same image, or makes the copy "
                + "if there is none):\n"
                + "  ecs-image copy -i m-src -r cn-hangzhou -t cn-shanghai --client-token token-1-cn-shanghai\n", r.err());

        CliRun.Result json = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--max-attempts", "1", "-o", "json");
        assertTrue(json.out().contains("""
                      "region": "cn-beijing",
                      "imageId": null,
                      "status": "NotSent",
                      "progress": null,
                      "requestId": null,
                      "clientToken": "token-1-cn-beijing",
                      "reused": false,
                      "sharedWith": null,
                      "error": {
                        "code": "NetworkError",
                        "message": "not sent: CopyImage to cn-shanghai got no answer from the source region's endpoint, where every CopyImage goes",
                        "requestId": null,
                        "httpStatus": null,
                        "exitStatus": 9
                      }
                """), json.out());
    }

    @Test
    void aSignalWhileTheCopiesAreStartedListsTheOnesNotSentYet() {
        cli.ecs.beforeCall = call -> {
            if (call.action().equals("DescribeImages") && call.region().equals("cn-hangzhou")) {
                cli.interrupt(); // during the source check
            }
        };

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-o", "json");

        assertEquals(130, r.status());
        assertEquals("""
                {
                  "sourceImageId": "m-src",
                  "sourceRegion": "cn-hangzhou",
                  "copies": []
                }
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void aSignalDuringTheFirstCopyImageListsTheDestinationsNotSentYet() {
        cli.ecs.beforeCall = call -> {
            if (call.action().equals("CopyImage")) {
                cli.interrupt();
            }
        };

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing,cn-shenzhen");

        assertEquals(130, r.status());
        assertEquals("cn-shanghai  -  Unknown  -\ncn-beijing   -  NotSent  -\ncn-shenzhen  -  NotSent  -\n", r.out());
        assertTrue(r.err().endsWith("\necs-image: not sent, the run ended first: cn-beijing, cn-shenzhen\n"), r.err());
        assertEquals(0, cli.ecs.count("CopyImage"), "the one in flight never got an answer");
    }

    @Test
    void theTimeoutAlsoBoundsACopyImageInFlightWhichThenShowsAsUnknownAndTheRestAsNotSent() {
        cli.ecs.beforeCall = call -> {
            if (call.action().equals("CopyImage")) {
                cli.time.advance(Duration.ofSeconds(31)); // an answer that does not come: the read times out
            }
        };
        cli.ecs.drop("CopyImage");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--timeout", "30s", "--client-token", "t");

        assertEquals(12, r.status(), r.err());
        assertEquals("cn-shanghai  -  Unknown  -\ncn-beijing   -  NotSent  -\n", r.out());
        assertEquals(1, cli.ecs.count("CopyImage"), "no attempt starts after the deadline");
        assertEquals("ecs-image: cn-shanghai: CopyImage got no answer: a copy may have started (ClientToken t-cn-shanghai). "
                + "This finds it again (the same token returns the same image, or makes the copy if there is none):\n"
                + "  ecs-image copy -i m-src -r cn-hangzhou -t cn-shanghai --client-token t-cn-shanghai\n"
                + "ecs-image: not sent, the run ended first: cn-beijing\n", r.err());
    }

    @Test
    void theTimeoutReachedBeforeAnyCopyImageIsStillInProgress() {
        cli.ecs.beforeCall = call -> cli.time.advance(Duration.ofSeconds(40));
        cli.ecs.drop("DescribeImages");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--timeout", "30s");

        assertEquals(12, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("ecs-image: still running after 30s before any copy was started: DescribeImages in "
                + "cn-hangzhou: time limit reached "), r.err());
        assertEquals(0, cli.ecs.count("CopyImage"));
    }

    @Test
    void everyRetryIsSaidOnStderrButNotWithQuiet() {
        cli.ecs.fail("CopyImage", 503, "ServiceUnavailable");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--no-wait");

        assertEquals(0, r.status(), r.err());
        assertTrue(CliRun.anyDelay(r.err()).startsWith(
                "ecs-image: CopyImage in cn-hangzhou: ServiceUnavailable (HTTP 503); retrying (2/5) in Xs\n"), r.err());
        cli.ecs.fail("CopyImage", 503, "ServiceUnavailable");
        assertEquals("", cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-beijing", "--no-wait", "-q").err());
    }

    @Test
    void cancelsOnAbortThatKeepFailingAreCutByTheTenSecondLimit() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, 600L)));
        cli.ecs.unreachable("CancelCopyImage");
        cli.ecs.beforeCall = call -> {
            if (call.action().equals("CancelCopyImage")) {
                cli.time.advance(Duration.ofSeconds(4)); // each attempt waits 4 s for nothing
            }
        };
        cli.time.onSleep = cli::interrupt;

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "none",
                "--cancel-on-abort", "-q");

        assertEquals(130, r.status());
        assertEquals(3, cli.ecs.count("CancelCopyImage"), "attempts at 0, about 4 and about 8 s; none after 10 s");
        assertTrue(r.err().startsWith("ecs-image: interrupted; could not cancel m-cnscopy1 in cn-shanghai: DeadlineReached: "
                + "CancelCopyImage in cn-shanghai: time limit reached "), r.err());
    }

    @Test
    void retriesAfterAnInterruptArePlainLinesAndNoBarComesBack() {
        cli.terminal = true;
        cli.env.put("NO_COLOR", "1");
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, 600L)));
        cli.ecs.fail("CancelCopyImage", 503, "ServiceUnavailable");
        cli.time.onSleep = cli::interrupt;

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--cancel-on-abort");

        assertEquals(130, r.status());
        String afterBars = r.err().substring(r.err().indexOf("1 copy: 1 Creating"));
        assertEquals("ecs-image: CancelCopyImage in cn-shanghai: ServiceUnavailable (HTTP 503); retrying (2/5) in Xs\n"
                + "ecs-image: interrupted; cancelled the copy m-cnscopy1 in cn-shanghai\n",
                CliRun.anyDelay(afterBars.substring(afterBars.indexOf("ecs-image: "))));
        assertFalse(afterBars.contains("[-") || afterBars.contains("[#"), "no bar drawn again:\n" + afterBars);
    }
}
