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

    @Test
    void copiesToTwoRegionsInOrderAndWaitsUntilAvailable() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--progress", "none");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Available  100%\n"
                + "cn-beijing   m-cnbcopy2  Available  100%\n", r.out());
        assertEquals("", r.err());
        List<ApiCall> copies = cli.ecs.calls.stream().filter(c -> c.action().equals("CopyImage")).toList();
        assertEquals(2, copies.size());
        assertEquals("cn-hangzhou", copies.get(0).region());
        assertEquals("cn-hangzhou", copies.get(0).params().get("RegionId"));
        assertEquals("m-src", copies.get(0).params().get("ImageId"));
        assertEquals("cn-shanghai", copies.get(0).params().get("DestinationRegionId"));
        assertEquals("token-1-cn-shanghai", copies.get(0).params().get("ClientToken"));
        assertEquals("cn-beijing", copies.get(1).params().get("DestinationRegionId"));
        assertEquals("token-1-cn-beijing", copies.get(1).params().get("ClientToken"));
        ApiCall poll = cli.ecs.calls.stream().filter(c -> c.action().equals("DescribeImages")).findFirst().orElseThrow();
        assertEquals("cn-shanghai", poll.region());
        assertEquals("m-cnscopy1", poll.params().get("ImageId"));
        assertEquals("Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated", poll.params().get("Status"));
        assertEquals(6, cli.ecs.count("DescribeImages"), "one call per region per round, three rounds");
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
    void theDeadlineCutsTheSleepShortAndLeavesTheCopyRunningWithFollowLines() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, 600L)));

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--timeout", "4s", "--progress", "none");

        assertEquals(12, r.status());
        assertEquals(List.of(s(4)), cli.time.sleeps, "the sleep (60 s: 600 s left) is cut to the 4s left");
        assertEquals("cn-shanghai  m-cnscopy1  Creating  10%\n", r.out());
        assertEquals("ecs-image: still running after 4s; the copies keep running.\n"
                + "  follow: ecs-image status --wait -r cn-shanghai -i m-cnscopy1\n"
                + "  cancel: ecs-image cancel -r cn-shanghai -i m-cnscopy1\n", r.err());
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
        cli.ecs.fail("DescribeImages", 503, "ServiceUnavailable").fail("DescribeImages", 400, "Throttling.User");

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
        assertEquals(5, cli.ecs.count("DescribeImages"));
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
                      "requestId": "req-1",
                      "clientToken": "token-1-cn-shanghai",
                      "reused": false,
                      "error": null
                    },
                    {
                      "region": "cn-beijing",
                      "imageId": "m-cnbcopy2",
                      "status": "CreateFailed",
                      "progress": 30,
                      "requestId": "req-2",
                      "clientToken": "token-1-cn-beijing",
                      "reused": false,
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
        assertEquals("cn-shanghai  -           Error  -\n".replace("-           ", "-  ")
                + "cn-beijing   m-cnbcopy1  Available  100%\n", r.out());
        assertEquals("ecs-image: cn-shanghai: InvalidImageName.Duplicated: scripted InvalidImageName.Duplicated "
                + "(HTTP 400, RequestId req-err)\n"
                + "hint: the destination already has an image of that name: --if-exists reuse waits for it, "
                + "or choose another --name\n", r.err());
    }

    @Test
    void ifExistsReuseWaitsForTheImageOfThatName() {
        cli.ecs.image("cn-shanghai", "m-existing", "web-v2", new Step("Creating", 90, null), new Step("Available", 100, null));

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-n", "web-v2",
                "--if-exists", "reuse", "--progress", "none");

        assertEquals(0, r.status(), r.err());
        assertEquals(0, cli.ecs.count("CopyImage"));
        assertEquals("cn-shanghai  m-existing  Available  100%\n", r.out());
        assertEquals("ecs-image: reusing m-existing in cn-shanghai, already named web-v2 (Creating)\n", r.err());
        ApiCall lookup = cli.ecs.calls.get(0);
        assertEquals("web-v2", lookup.params().get("ImageName"));
    }

    @Test
    void noWaitQuietPrintsOnlyTheNewIds() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-t", "cn-beijing",
                "--no-wait", "-q");

        assertEquals(0, r.status());
        assertEquals("m-cnscopy1\nm-cnbcopy2\n", r.out());
        assertEquals("", r.err());
        assertEquals(0, cli.ecs.count("DescribeImages"));
    }

    @Test
    void aDryRunThatPassesExitsZero() {
        cli.ecs.fail("CopyImage", 400, "DryRunOperation");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--dry-run");

        assertEquals(0, r.status(), r.err());
        assertEquals("true", cli.ecs.calls.get(0).params().get("DryRun"));
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
        Map<String, String> p = cli.ecs.calls.get(0).params();
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
    void anInterruptPrintsTheFollowLinesOrCancelsWithCancelOnAbort() {
        cli.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, 600L)));
        cli.time.onSleep = () -> cli.abortHooks.forEach(Runnable::run);

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--progress", "none", "--timeout", "3s", "--interval", "2s");

        assertEquals("ecs-image: interrupted; the copies keep running.\n"
                + "  follow: ecs-image status --wait -r cn-shanghai -i m-cnscopy1\n"
                + "  cancel: ecs-image cancel -r cn-shanghai -i m-cnscopy1\n", r.err().substring(0, r.err().indexOf("ecs-image: still")));
        assertEquals(0, cli.ecs.count("CancelCopyImage"));

        CliRun other = new CliRun();
        other.ecs.copyScript("cn-shanghai", List.of(new Step("Creating", 10, 600L)));
        other.time.onSleep = () -> other.abortHooks.forEach(Runnable::run);
        CliRun.Result cancelled = other.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--progress", "none", "--timeout", "3s", "--interval", "2s", "--cancel-on-abort");

        assertEquals(1, other.ecs.count("CancelCopyImage"));
        assertTrue(cancelled.err().startsWith("ecs-image: interrupted; cancelled the copy m-cnscopy1 in cn-shanghai\n"),
                cancelled.err());
        assertTrue(other.abortHooks.isEmpty(), "the hook is removed when the wait ends");
    }

    @Test
    void anInterruptWhileTheCopiesAreStartedNamesTheOnesAlreadyAccepted() {
        cli.ecs.beforeCall = call -> {
            if (call.action().equals("CopyImage") && "cn-beijing".equals(call.params().get("DestinationRegionId"))) {
                cli.abortHooks.forEach(Runnable::run);
            }
        };

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--progress", "none", "--no-wait");

        assertTrue(r.err().startsWith("ecs-image: interrupted; the copies keep running.\n"
                + "  follow: ecs-image status --wait -r cn-shanghai -i m-cnscopy1\n"
                + "  cancel: ecs-image cancel -r cn-shanghai -i m-cnscopy1\n"), r.err());
        assertTrue(cli.abortHooks.isEmpty());
    }
}
