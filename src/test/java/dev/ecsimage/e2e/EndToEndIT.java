package dev.ecsimage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsimage.sandbox.Faults;
import dev.ecsimage.sandbox.Faults.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged launcher, run as a real process against the sandbox endpoint: exit statuses,
 * exact JSON, the stdout/stderr split, plain progress, idempotent re-runs and retries.
 */
class EndToEndIT {
    /** Fast enough that a demo copy takes 0.25 s; the slow image 2.5 s. */
    static final double SPEED = 400;
    static final String FAST_POLL = "--interval=100ms";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Sandbox sandbox;

    private Launcher launcher() throws Exception {
        return launcher(Faults.NONE);
    }

    private Launcher launcher(Faults faults) throws Exception {
        return launcher(SPEED, faults);
    }

    private Launcher launcher(double speed, Faults faults) throws Exception {
        sandbox = new Sandbox(speed, faults);
        return sandbox.launcher(home);
    }

    /** A sandbox where the slow image takes about 10 s: a test has plenty of time while it runs. */
    private Launcher unhurried() throws Exception {
        return launcher(SPEED / 4, Faults.NONE);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void copiesToTwoRegionsWithExactJsonAndPlainProgressOnStderr() throws Exception {
        Launcher.Result r = launcher().run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "-o", "json", FAST_POLL, "--client-token", "e2e-1");

        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        String shanghai = doc.at("/copies/0/imageId").asText();
        String beijing = doc.at("/copies/1/imageId").asText();
        assertTrue(shanghai.matches("m-uf6[0-9a-z]{17}"), shanghai);
        assertTrue(beijing.matches("m-2ze[0-9a-z]{17}"), beijing);
        String expected = """
                {
                  "sourceImageId": "%s",
                  "sourceRegion": "cn-hangzhou",
                  "copies": [
                    {
                      "region": "cn-shanghai",
                      "imageId": "%s",
                      "status": "Available",
                      "progress": 100,
                      "requestId": "%s",
                      "clientToken": "e2e-1-cn-shanghai",
                      "reused": false,
                      "sharedWith": null,
                      "error": null
                    },
                    {
                      "region": "cn-beijing",
                      "imageId": "%s",
                      "status": "Available",
                      "progress": 100,
                      "requestId": "%s",
                      "clientToken": "e2e-1-cn-beijing",
                      "reused": false,
                      "sharedWith": null,
                      "error": null
                    }
                  ]
                }
                """.formatted(Sandbox.DEMO, shanghai, doc.at("/copies/0/requestId").asText(), beijing,
                doc.at("/copies/1/requestId").asText());
        assertEquals(expected, r.out());
        assertEquals(2, sandbox.ecs().copiesCreated());
        // stderr is not a terminal: plain lines, each of them a whole progress line, the last ones final.
        for (String line : r.err().split("\n")) {
            assertTrue(Pattern.matches("cn-(shanghai|beijing) +m-\\w+  (Waiting|Creating|Available)  \\d+%(  ETA \\w+)?", line),
                    "not a progress line: '" + line + "'\n" + r.err());
        }
        assertTrue(r.err().contains("cn-shanghai  " + shanghai + "  Available  100%\n"), r.err());
        assertFalse(r.err().contains("\033["), "no terminal control codes when stderr is no terminal");
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource(delimiter = '|', value = {
        "6|OperationDeined.EncryptedSnapshot|-i m-bp1ui6d39zzzzg4zdmen -t cn-shanghai",
        "6|OperationDenied.SameRegionOnly|-i m-bp1wx4hh5344tfjgvq4k -t cn-shanghai",
        "8|SizeExceed.Image|-i m-bp1886vompzom75wbbr4 -t cn-shanghai",
        "6|InvalidSnapshot.TooOld|-i m-bp1wfhym4l1vfz3zfkki -t cn-shanghai",
        "4|Forbbiden|-i m-bp1nbqns6puq80idw370 -t cn-shanghai",
        "5|InvalidSnapshotId.NotFound|-i m-bp1u7794g9dpmrcg629b -t cn-shanghai",
        "6|OperationDenied|-i m-bp12i0hz2uep1enthjxj -t cn-shanghai",
        "6|OperationDenied.NotPublished|-i m-bp1ufxbv932byv7s6eho -t ap-southeast-1",
        "6|RegionNotSupportCopy|-i m-bp1ujzde8gxd6ncf10ep -t cn-nanjing",
        "8|QuotaExceed.Image|-i m-bp1ujzde8gxd6ncf10ep -t ap-northeast-2",
        "8|QuotaExceed.Snapshot|-i m-bp1ujzde8gxd6ncf10ep -t eu-west-1",
        "7|InvalidImageName.Duplicated|-i m-bp1ujzde8gxd6ncf10ep -t cn-shanghai -n golden-base",
        "4|InvalidParameter.KMSKeyId.KMSUnauthorized|-i m-bp1ujzde8gxd6ncf10ep -t cn-shanghai --encrypted --kms-key-id 0b9e6f4c-7d1a-4e3b-9c2f-5a8d1e6b3f70",
        "4|UserNotInTheWhiteList|-i m-bp1ujzde8gxd6ncf10ep -t cn-shanghai --encrypted --kms-key-id 7f3c2a91-4b6e-4d8a-a1f5-c93e0d27b6a4",
        "5|InvalidParameter.KMSKeyId.NotFound|-i m-bp1ujzde8gxd6ncf10ep -t cn-shanghai --encrypted --kms-key-id no-such-key",
        "4|InvalidRegion.NotSupport|-i m-bp1ujzde8gxd6ncf10ep -t me-east-1 --encrypted --kms-key-id e522b26d-abf6-4e0d-b5da-04b7a5f1c93c",
        "5|DestinationRegion.NotFound|-i m-bp1ujzde8gxd6ncf10ep -t xx-nowhere-1",
    })
    void eachSeededRefusalGivesItsStatus(int status, String code, String args) throws Exception {
        String[] all = ("copy -r cn-hangzhou --progress none " + args).split(" ");

        Launcher.Result r = launcher().run(all);

        assertEquals(status, r.status(), r.err());
        String region = args.substring(args.indexOf("-t ") + 3).split(" ")[0];
        assertEquals(region + "  -  Error  -\n", r.out());
        assertTrue(r.err().startsWith("ecs-image: " + region + ": " + code + ": "), r.err());
        assertTrue(r.err().lines().findFirst().orElseThrow().matches(".*\\(HTTP \\d{3}, RequestId [0-9A-F-]{36}\\)"), r.err());
        assertEquals(0, sandbox.ecs().copiesCreated());
    }

    @Test
    void sourceProblemsAreOneErrorBeforeAnyCopyImage() throws Exception {
        Launcher l = launcher();
        Launcher.Result region = l.run("copy", "-r", "xx-nowhere-1", "-i", Sandbox.DEMO, "-t", "cn-shanghai,cn-beijing");
        assertEquals(5, region.status(), region.err());
        assertTrue(region.err().matches("ecs-image: InvalidRegionId.NotFound: --region xx-nowhere-1: The specified "
                + "RegionId does not exist. \\(HTTP 404, RequestId [0-9A-F-]{36}\\)\n"), region.err());

        Launcher.Result missing = l.run("copy", "-r", "cn-hangzhou", "-i", "m-bp1doesnotexist00000",
                "-t", "cn-shanghai,cn-beijing,cn-shenzhen");
        assertEquals(5, missing.status(), missing.err());
        assertEquals("", missing.out());
        assertEquals("ecs-image: InvalidImageId.NotFound: no image m-bp1doesnotexist00000 in cn-hangzhou: check "
                + "--image-id and --region (the source image's region)\n", missing.err());

        Launcher.Result building = l.run("copy", "-r", "cn-hangzhou", "-i", "m-bp1pzz5fk2z9ri19r0wy",
                "-t", "cn-shanghai,cn-beijing");
        assertEquals(6, building.status(), building.err());
        assertEquals("ecs-image: IncorrectImageStatus: the source image m-bp1pzz5fk2z9ri19r0wy in cn-hangzhou is Creating\n"
                + "hint: the image is not in a state that allows this (a copy's source must be Available)\n", building.err());
        assertEquals(0, sandbox.ecs().calls("CopyImage"));
    }

    @Test
    void aWrongSecretIsDeniedWith4() throws Exception {
        Launcher.Result r = launcher().env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "wrong-secret")
                .run("status", "-r", "cn-shanghai", "-i", "m-uf6s26lrwbqcab69m64p");

        assertEquals(4, r.status(), r.err());
        assertEquals("cn-shanghai  m-uf6s26lrwbqcab69m64p  Error  -\n", r.out());
        assertTrue(r.err().startsWith("ecs-image: cn-shanghai: SignatureDoesNotMatch: "), r.err());
        assertTrue(r.err().contains("\nhint: check the AccessKey secret; --verbose shows our string to sign next to the service's\n"),
                r.err());
        assertFalse(r.err().contains("wrong-secret"), r.err());
    }

    @Test
    void anUnknownAccessKeyIsDeniedWith4() throws Exception {
        Launcher.Result r = launcher().env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tNoSuchKey000000")
                .run("status", "-r", "cn-shanghai", "-i", "m-uf6s26lrwbqcab69m64p");

        assertEquals(4, r.status(), r.err());
        assertTrue(r.err().startsWith("ecs-image: cn-shanghai: InvalidAccessKeyId.NotFound: "), r.err());
    }

    @Test
    void aSecondCopyToARegionWhereOneRunsIsAConflict() throws Exception {
        Launcher l = unhurried();
        assertEquals(0, l.run("copy", "-i", Sandbox.SLOW, "-r", "cn-hangzhou", "-t", "cn-shanghai", "--no-wait", "-q").status());

        Launcher.Result r = l.run("copy", "-i", Sandbox.SLOW, "-r", "cn-hangzhou", "-t", "cn-shanghai", "--no-wait");

        assertEquals(7, r.status(), r.err());
        assertTrue(r.err().startsWith("ecs-image: cn-shanghai: OperationDenied.ImageCopying: "), r.err());
        assertEquals(1, sandbox.ecs().copiesCreated());
    }

    @Test
    void reRunsWithTheSameClientTokenMakeOneCopyAndOtherParametersConflict() throws Exception {
        Launcher l = launcher();
        Launcher.Result first = l.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-beijing",
                "--client-token", "release-7", "-q", FAST_POLL);
        Launcher.Result again = l.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-beijing",
                "--client-token", "release-7", "-q", FAST_POLL);

        assertEquals(0, first.status(), first.err());
        assertEquals(0, again.status(), again.err());
        assertEquals(first.out(), again.out());
        assertEquals(1, sandbox.ecs().copiesCreated());

        Launcher.Result other = l.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-beijing",
                "--client-token", "release-7", "-n", "renamed", "-q");
        assertEquals(7, other.status());
        assertTrue(other.err().startsWith("ecs-image: cn-beijing: IdempotentParameterMismatch: "), other.err());
    }

    @Test
    void reRunsWithIfExistsReuseWaitForTheSameImage() throws Exception {
        Launcher l = launcher();
        Launcher.Result first = l.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shenzhen",
                "-n", "web-release-7", "-q", FAST_POLL);
        Launcher.Result failing = l.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shenzhen",
                "-n", "web-release-7", "-q", FAST_POLL);
        Launcher.Result reused = l.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shenzhen",
                "-n", "web-release-7", "--if-exists", "reuse", "-q", FAST_POLL);

        assertEquals(0, first.status(), first.err());
        assertEquals(7, failing.status(), failing.err());
        assertEquals(0, reused.status(), reused.err());
        assertEquals(first.out(), reused.out());
        assertEquals(1, sandbox.ecs().copiesCreated());
    }

    @Test
    void retriesThroughDroppedAnswersAndThrottlingMakeExactlyOneCopy() throws Exception {
        Faults faults = new Faults(new Fault(1, 0), new Fault(1, 0), new Fault(1, 0), new Fault(1, 0), Duration.ZERO,
                "CopyImage");
        Launcher.Result r = launcher(faults).run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "-q", FAST_POLL, "-v");

        assertEquals(0, r.status(), r.err());
        assertEquals(2, sandbox.ecs().calls("CopyImage"), "drop-before, throttle and 503 never reach the simulator");
        assertEquals(1, sandbox.ecs().copiesCreated());
        assertEquals(5, r.err().lines().filter(l -> l.startsWith("debug: CopyImage ")).count(), r.err());
    }

    @Test
    void aServiceThatStaysDownIs9AfterTheAttempts() throws Exception {
        Faults faults = new Faults(Fault.NEVER, Fault.NEVER, new Fault(0, 1.0), Fault.NEVER, Duration.ZERO, null);
        Launcher.Result r = launcher(faults).run("status", "-r", "cn-shanghai", "-i", "m-uf6s26lrwbqcab69m64p",
                "--max-attempts", "3");

        assertEquals(9, r.status(), r.err());
        assertEquals(3, sandbox.server.requestsReceived());
        assertTrue(r.err().endsWith("hint: gave up after 3 attempts: retry later, or raise --max-attempts\n"), r.err());
    }

    @Test
    void aCopyThatFailsPartWayIs10() throws Exception {
        Launcher.Result r = launcher().run("copy", "-i", Sandbox.FLAKY, "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--progress", "none", FAST_POLL);

        assertEquals(10, r.status(), r.err());
        assertTrue(Pattern.matches("cn-shanghai  m-uf6\\w{17}  CreateFailed  60%\n", r.out()), r.out());
        assertTrue(r.err().matches("ecs-image: cn-shanghai: the copy m-uf6\\w{17} ended CreateFailed\n"), r.err());
    }

    @Test
    void aCopyCancelledElsewhereWhileWaitedForIs11() throws Exception {
        Launcher l = unhurried();
        Launcher.Running copy = l.start("copy", "-i", Sandbox.SLOW, "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--progress", "plain", FAST_POLL);
        copy.err().awaitContains("Creating", 20_000);
        String id = copy.err().text().split("\\s+")[1];
        assertEquals(0, l.run("cancel", "-r", "cn-shanghai", "-i", id, "-q").status());

        Launcher.Result r = copy.await();

        assertEquals(11, r.status(), r.err());
        assertEquals("cn-shanghai  " + id + "  Gone  -\n", r.out());
        assertTrue(r.err().endsWith("ecs-image: cn-shanghai: the copy " + id
                + " disappeared while being waited for (cancelled or deleted elsewhere?)\n"), r.err());
    }

    @Test
    void aTimeoutIs12AndTheCopyKeepsRunning() throws Exception {
        Launcher l = unhurried();
        Launcher.Result r = l.run("copy", "-i", Sandbox.SLOW, "-r", "cn-hangzhou", "-t", "cn-shanghai",
                "--progress", "none", "--timeout", "500ms", FAST_POLL);

        assertEquals(12, r.status(), r.err());
        String id = r.out().split("\\s+")[1];
        assertEquals("ecs-image: still running after 500ms; the copies keep running.\n"
                + "  follow: ecs-image status --wait -i cn-shanghai:" + id + "\n"
                + "  cancel: ecs-image cancel -i cn-shanghai:" + id + "\n", r.err());
        Launcher.Result status = l.run("status", "-r", "cn-shanghai", "-i", id);
        assertEquals(12, status.status(), "still in progress");
        assertTrue(status.out().matches("cn-shanghai  " + id + "  (Waiting|Creating)  \\d+%.*\n"), status.out());
    }

    @Test
    void threeRegionsWhereOneQueuesBehindAnotherCopy() throws Exception {
        Launcher l = launcher();
        Launcher.Result slow = l.run("copy", "-i", Sandbox.SLOW, "-r", "cn-hangzhou", "-t", "cn-shanghai", "--no-wait", "-q");
        assertEquals(0, slow.status());

        Launcher.Result r = l.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou",
                "-t", "cn-shanghai,cn-beijing,cn-shenzhen", "--progress", "plain", FAST_POLL);

        assertEquals(0, r.status(), r.err());
        String[] out = r.out().split("\n");
        assertEquals(3, out.length);
        assertTrue(out[0].matches("cn-shanghai  m-uf6\\w{17}  Available  100%"), r.out());
        assertTrue(out[1].matches("cn-beijing   m-2ze\\w{17}  Available  100%"), r.out());
        assertTrue(out[2].matches("cn-shenzhen  m-wz9\\w{17}  Available  100%"), r.out());
        // The Beijing and Shenzhen copies finished while Shanghai's still queued behind the slow copy.
        String err = r.err();
        int beijingDone = err.indexOf(out[1].substring(0, out[1].length()));
        int shanghaiWaiting = err.lastIndexOf("cn-shanghai  " + out[0].split("\\s+")[1] + "  Waiting");
        assertTrue(shanghaiWaiting >= 0, err);
        assertTrue(beijingDone >= 0 && beijingDone < err.indexOf("cn-shanghai  " + out[0].split("\\s+")[1] + "  Creating"),
                err);
        assertEquals(4, sandbox.ecs().copiesCreated());
    }

    @Test
    void statusAndCancelOfSeededImages() throws Exception {
        Launcher l = launcher();
        assertEquals(0, l.run("status", "-r", "cn-shanghai", "-i", "m-uf6s26lrwbqcab69m64p").status());
        Launcher.Result failed = l.run("status", "-r", "cn-beijing", "-i", "m-2ze4r6mp6afqfjzczbtt");
        assertEquals(10, failed.status());
        assertTrue(failed.out().startsWith("cn-beijing  m-2ze4r6mp6afqfjzczbtt  CreateFailed  "), failed.out());
        Launcher.Result missing = l.run("status", "-r", "cn-shanghai", "-i", "m-uf6nosuchimage000000", "-o", "json");
        assertEquals(5, missing.status());
        assertTrue(missing.out().contains("\"status\": \"NotFound\""), missing.out());

        Launcher.Result finished = l.run("cancel", "-r", "cn-shanghai", "-i", "m-uf6s26lrwbqcab69m64p");
        assertEquals(6, finished.status());
        assertTrue(finished.err().startsWith("ecs-image: cn-shanghai: IncorrectImageStatus: The image has completed copy."),
                finished.err());
        Launcher.Result notACopy = l.run("cancel", "-r", "cn-hangzhou", "-i", Sandbox.DEMO);
        assertEquals(6, notACopy.status());
        assertTrue(notACopy.err().startsWith("ecs-image: cn-hangzhou: ImageCreatedNotFromCopy: "), notACopy.err());
        assertEquals(5, l.run("cancel", "-r", "cn-shanghai", "-i", "m-uf6nosuchimage000000").status());
    }

    @Test
    void cancelWaitsUntilTheCopyIsGone() throws Exception {
        Launcher l = unhurried();
        String id = l.run("copy", "-i", Sandbox.SLOW, "-r", "cn-hangzhou", "-t", "cn-beijing", "--no-wait", "-q").out().trim();

        Launcher.Result r = l.run("cancel", "-r", "cn-beijing", "-i", id, "--wait", "-o", "json", FAST_POLL);

        assertEquals(0, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("cn-beijing", doc.get("region").asText());
        assertEquals(id, doc.get("imageId").asText());
        assertTrue(doc.get("cancelled").asBoolean());
        assertEquals(5, l.run("status", "-r", "cn-beijing", "-i", id).status());
    }

    @Test
    void configurationAndUsageErrors() throws Exception {
        Launcher l = new Launcher(home);
        Launcher.Result noCredentials = l.env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
                .run("status", "-r", "cn-shanghai", "-i", "m-a");
        assertEquals(3, noCredentials.status());
        assertEquals("", noCredentials.out());
        assertTrue(noCredentials.err().startsWith("ecs-image: no credentials found: tried "), noCredentials.err());
        assertEquals("hint: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run 'aliyun configure', "
                + "or try --sandbox", noCredentials.err().lines().toList().get(1), noCredentials.err());
        assertEquals(2, noCredentials.err().lines().count(), noCredentials.err());

        Launcher.Result badEndpoint = l.env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tAnyKey000000")
                .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "any").run("status", "-r", "cn-shanghai", "-i", "m-a",
                        "--endpoint", "ftp://127.0.0.1:21");
        assertEquals(3, badEndpoint.status());
        assertEquals("ecs-image: endpoint 'ftp://127.0.0.1:21' must be an http:// or https:// URL with a host\n",
                badEndpoint.err());

        Launcher.Result usage = l.run("copy", "-i", "m-a", "-r", "cn-hangzhou", "-t", "cn-hangzhou");
        assertEquals(2, usage.status());
        assertEquals("ecs-image: --to 'cn-hangzhou' is the source region (--region): a copy must go to another region\n"
                + "Try 'ecs-image copy --help' for more information.\n", usage.err());
    }
}
