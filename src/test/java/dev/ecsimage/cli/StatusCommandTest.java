package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.cli.ScriptedEcs.Step;
import dev.ecsimage.transport.ApiCall;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusCommandTest {
    private final CliRun cli = new CliRun();

    @TempDir
    Path dir;

    private List<ApiCall> describes() {
        return cli.ecs.calls.stream().filter(c -> c.action().equals("DescribeImages")).toList();
    }

    @Test
    void asksForAllIdsOfARegionInOneCallWithEveryStatus() {
        cli.ecs.image("cn-shanghai", "m-a", "web", new Step("Available", 100, null))
                .image("cn-shanghai", "m-b", "db", new Step("Available", 100, null));

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a,m-b");

        assertEquals(0, r.status());
        assertEquals("cn-shanghai  m-a  Available  100%\ncn-shanghai  m-b  Available  100%\n", r.out());
        assertEquals("", r.err());
        assertEquals(1, cli.ecs.calls.size());
        assertEquals("m-a,m-b", cli.ecs.calls.get(0).params().get("ImageId"));
        assertEquals("Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated",
                cli.ecs.calls.get(0).params().get("Status"));
    }

    @Test
    void anImageInProgressExits12AndShowsTheRemainingTime() {
        cli.ecs.image("cn-shanghai", "m-a", "web", new Step("Creating", 47, 120L));

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a", "-o", "json");

        assertEquals(12, r.status());
        assertEquals("""
                {
                  "images": [
                    {
                      "region": "cn-shanghai",
                      "imageId": "m-a",
                      "name": "web",
                      "status": "Creating",
                      "progress": 47,
                      "remainingSeconds": 120,
                      "source": null,
                      "sharedWith": null,
                      "error": null
                    }
                  ]
                }
                """, r.out());
        CliRun.Result text = cli.run("status", "-r", "cn-shanghai", "-i", "m-a");
        assertEquals("cn-shanghai  m-a  Creating  47%  ETA 2m\n", text.out());
    }

    @Test
    void aFailedCopyExits10() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("CreateFailed", 30, null));

        assertEquals(10, cli.run("status", "-r", "cn-shanghai", "-i", "m-a").status());
    }

    @Test
    void anIdThatDoesNotExistExits5AndSaysWhereTheRegionPoints() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Available", 100, null));

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a,m-nope");

        assertEquals(5, r.status());
        assertEquals("cn-shanghai  m-a  Available  100%\ncn-shanghai  m-nope  NotFound  -\n", r.out());
        assertEquals("ecs-image: cn-shanghai: no image m-nope\n"
                + "hint: an image id's region (--region, or REGION: before the id) is where the image lives: for a "
                + "copy, its destination region, not the source\n", r.err());
        assertEquals("ecs-image: cn-shanghai: no image m-nope\n",
                cli.run("status", "-r", "cn-shanghai", "-i", "m-nope", "-q").err(), "no hint with --quiet");
    }

    @Test
    void regionQualifiedIdsInThreeRegionsAreOneResultWithOneExitStatus() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Available", 100, null))
                .image("cn-beijing", "m-b", null, new Step("Creating", 40, 90L))
                .image("cn-beijing", "m-c", null, new Step("CreateFailed", 60, null))
                .image("cn-shenzhen", "m-d", null, new Step("Available", 100, null));

        CliRun.Result r = cli.run("status", "-i", "cn-shanghai:m-a,cn-beijing:m-c", "-i", "cn-shenzhen:m-d,cn-beijing:m-b");

        assertEquals(10, r.status(), "the first image, in the given order, that is not Available: m-c");
        assertEquals("cn-shanghai  m-a  Available  100%\n"
                + "cn-beijing   m-c  CreateFailed  60%\n"
                + "cn-shenzhen  m-d  Available  100%\n"
                + "cn-beijing   m-b  Creating  40%  ETA 1m30s\n", r.out());
        assertEquals(List.of("cn-shanghai:m-a", "cn-beijing:m-c,m-b", "cn-shenzhen:m-d"),
                describes().stream().map(c -> c.region() + ":" + c.params().get("ImageId")).toList(),
                "one DescribeImages per region, in the order the regions came");
    }

    @Test
    void plainIdsTakeTheRegionAndQualifiedOnesTheirOwn() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Available", 100, null))
                .image("cn-beijing", "m-b", null, new Step("Available", 100, null));

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a,cn-beijing:m-b");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  m-a  Available  100%\ncn-beijing   m-b  Available  100%\n", r.out());
    }

    @ParameterizedTest(name = "-i ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "''|ecs-image: --image-id: an empty item: give IMAGE_ID or REGION:IMAGE_ID, separated by commas",
        "m-a,,m-b|ecs-image: --image-id: an empty item: give IMAGE_ID or REGION:IMAGE_ID, separated by commas",
        "m-a|ecs-image: --image-id 'm-a' has no region: write REGION:m-a or give --region",
        "shanghai:m-a|ecs-image: --image-id 'shanghai:m-a': 'shanghai' is not a region id (like cn-hangzhou or ap-southeast-1)",
        "cn-shanghai:|ecs-image: --image-id 'cn-shanghai:' is not REGION:IMAGE_ID",
    })
    void badItemsAreUsageErrors(String items, String message) {
        CliRun.Result r = cli.run("status", "-i", items);

        assertEquals(2, r.status(), r.err());
        assertEquals(message + "\nTry 'ecs-image status --help' for more information.\n", r.err());
        assertEquals(0, cli.ecs.calls.size());
    }

    @Test
    void waitFollowsUntilFinal() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Waiting", 0, null), new Step("Creating", 50, null),
                new Step("Available", 100, null));

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a", "--wait", "--progress", "plain");

        assertEquals(0, r.status());
        assertEquals("cn-shanghai  m-a  Available  100%\n", r.out());
        assertEquals("cn-shanghai  m-a  Waiting  0%\ncn-shanghai  m-a  Creating  50%\ncn-shanghai  m-a  Available  100%\n",
                r.err());
    }

    @Test
    void aStatusEcsImageDoesNotKnowKeepsTheWaitGoingAndIsSaidOnce() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Migrating", 20, null), new Step("Migrating", 30, null),
                new Step(null, 40, null), new Step("Available", 100, null));

        CliRun.Result r = cli.run("status", "-i", "cn-shanghai:m-a", "--wait", "--progress", "plain", "--interval", "1s");

        assertEquals(0, r.status(), r.err());
        assertEquals("ecs-image: cn-shanghai: m-a is 'Migrating', a status ecs-image does not know; waiting until it is "
                + "Available, CreateFailed or UnAvailable\n"
                + "cn-shanghai  m-a  Migrating  20%\n"
                + "cn-shanghai  m-a  Migrating  30%\n"
                + "ecs-image: cn-shanghai: m-a has no status in DescribeImages' answer; waiting until it is Available, "
                + "CreateFailed or UnAvailable\n"
                + "cn-shanghai  m-a  Unknown  40%\n"
                + "cn-shanghai  m-a  Available  100%\n", r.err());
        assertEquals(4, describes().size());
    }

    @Test
    void anImageThatDisappearsWhileWaitedForExits11() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null), new Step("Creating", 20, null));
        cli.time.onSleep = () -> cli.ecs.remove("cn-shanghai", "m-a");

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a", "--wait", "--progress", "none");

        assertEquals(11, r.status());
        assertEquals("cn-shanghai  m-a  Creating  10%\n", r.out());
    }

    @Test
    void timeoutWhileWaitingExits12WithOneFollowLine() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null))
                .image("cn-beijing", "m-b", null, new Step("Waiting", 0, null));

        CliRun.Result r = cli.run("status", "-i", "cn-shanghai:m-a,cn-beijing:m-b", "--wait", "--timeout", "1m",
                "--progress", "none");

        assertEquals(12, r.status());
        assertEquals(60, cli.time.elapsed().toSeconds());
        assertEquals("ecs-image: still running after 1m; the copies keep running.\n"
                + "  follow: ecs-image status --wait -i cn-shanghai:m-a,cn-beijing:m-b\n"
                + "  cancel: ecs-image cancel -i cn-shanghai:m-a,cn-beijing:m-b\n", r.err());
    }

    @Test
    void anImageNeverAnsweredForIsUnknownWithTheLastErrorNotNotFound() {
        cli.ecs.unreachable("DescribeImages");

        CliRun.Result r = cli.run("status", "-i", "cn-shanghai:m-a", "--wait", "--timeout", "1m", "--progress", "none",
                "-o", "json");

        assertEquals(12, r.status());
        assertEquals("""
                {
                  "images": [
                    {
                      "region": "cn-shanghai",
                      "imageId": "m-a",
                      "name": null,
                      "status": "Unknown",
                      "progress": null,
                      "remainingSeconds": null,
                      "source": null,
                      "sharedWith": null,
                      "error": {
                        "code": "NetworkError",
                        "message": "DescribeImages in cn-shanghai failed: network error: Connection refused",
                        "requestId": null,
                        "httpStatus": null,
                        "exitStatus": 9
                      }
                    }
                  ]
                }
                """, r.out());
        assertTrue(r.err().startsWith("ecs-image: DescribeImages in cn-shanghai: network error: Connection refused; "
                + "retrying (2/5) in "), r.err());
        assertTrue(r.err().endsWith("\necs-image: cn-shanghai: status of m-a unknown: DescribeImages did not answer in "
                + "time; last error: NetworkError: DescribeImages in cn-shanghai failed: network error: "
                + "Connection refused\n"
                + "ecs-image: still running after 1m; the copies keep running.\n"
                + "  follow: ecs-image status --wait -i cn-shanghai:m-a\n"
                + "  cancel: ecs-image cancel -i cn-shanghai:m-a\n"), r.err());
        assertEquals(60, cli.time.elapsed().toSeconds(), "the wait ended at the deadline");
    }

    @Test
    void withoutWaitARegionThatNeverAnswersIsUnknownAndTheOthersAreShown() {
        cli.ecs.image("cn-beijing", "m-b", null, new Step("Available", 100, null));
        for (int i = 0; i < 2; i++) {
            cli.ecs.failIn("cn-shanghai", "DescribeImages", 503, "ServiceUnavailable");
        }

        CliRun.Result r = cli.run("status", "-i", "cn-shanghai:m-a,cn-beijing:m-b", "--max-attempts", "2");

        assertEquals(9, r.status());
        assertEquals("cn-shanghai  m-a  Unknown  -\ncn-beijing   m-b  Available  100%\n", r.out());
        assertEquals("ecs-image: DescribeImages in cn-shanghai: ServiceUnavailable (HTTP 503); retrying (2/2) in Xs\n"
                + "ecs-image: cn-shanghai: ServiceUnavailable: scripted ServiceUnavailable (HTTP 503, RequestId req-err)\n"
                + "hint: gave up after 2 attempts: retry later, or raise --max-attempts\n", CliRun.anyDelay(r.err()));
    }

    @Test
    void aSignalWhileWaitingPrintsWhereEveryImageStood() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null))
                .image("cn-beijing", "m-b", null, new Step("Available", 100, null));
        cli.time.onSleep = cli::interrupt;

        CliRun.Result r = cli.run("status", "-i", "cn-shanghai:m-a,cn-beijing:m-b", "--wait", "--progress", "none", "-q");

        assertEquals(130, r.status());
        assertEquals("m-a\nm-b\n", r.out());
        CliRun other = new CliRun();
        other.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null));
        other.time.onSleep = other::interrupt;
        CliRun.Result text = other.run("status", "-i", "cn-shanghai:m-a", "--wait", "--progress", "none");
        assertEquals("cn-shanghai  m-a  Creating  10%\n", text.out());
        assertEquals("ecs-image: interrupted; the copies keep running.\n"
                + "  follow: ecs-image status --wait -i cn-shanghai:m-a\n"
                + "  cancel: ecs-image cancel -i cn-shanghai:m-a\n", text.err());
    }

    private Path copySet(String copies) throws Exception {
        Path file = dir.resolve("copies.json");
        Files.writeString(file, "{\"sourceImageId\": \"m-src\", \"sourceRegion\": \"cn-hangzhou\", \"copies\": ["
                + copies + "]}");
        return file;
    }

    private static String copy(String region, String id, String status) {
        return "{\"region\": \"" + region + "\", \"imageId\": " + (id == null ? "null" : "\"" + id + "\"")
                + ", \"status\": \"" + status + "\", \"progress\": null, \"requestId\": \"req-x\", \"clientToken\": \"t-"
                + region + "\", \"reused\": false, \"error\": null, \"sharedWith\": []}";
    }

    @Test
    void fromACopySetFollowsEveryCopyWithAnIdAndPrintsTheSetBroughtUpToDate() throws Exception {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 50, 30L), new Step("Available", 100, null))
                .image("cn-beijing", "m-b", null, new Step("Available", 100, null));
        Path file = copySet(copy("cn-shanghai", "m-a", "Accepted") + "," + copy("cn-nanjing", null, "Skipped") + ","
                + copy("cn-beijing", "m-b", "Accepted"));

        CliRun.Result r = cli.run("status", "--from", file.toString(), "--wait", "--progress", "none", "-o", "json");

        assertEquals(0, r.status(), r.err());
        assertEquals("""
                {
                  "sourceImageId": "m-src",
                  "sourceRegion": "cn-hangzhou",
                  "copies": [
                    {
                      "region": "cn-shanghai",
                      "imageId": "m-a",
                      "status": "Available",
                      "progress": 100,
                      "requestId": "req-x",
                      "clientToken": "t-cn-shanghai",
                      "reused": false,
                      "sharedWith": [],
                      "error": null
                    },
                    {
                      "region": "cn-nanjing",
                      "imageId": null,
                      "status": "Skipped",
                      "progress": null,
                      "requestId": "req-x",
                      "clientToken": "t-cn-nanjing",
                      "reused": false,
                      "sharedWith": [],
                      "error": null
                    },
                    {
                      "region": "cn-beijing",
                      "imageId": "m-b",
                      "status": "Available",
                      "progress": 100,
                      "requestId": "req-x",
                      "clientToken": "t-cn-beijing",
                      "reused": false,
                      "sharedWith": [],
                      "error": null
                    }
                  ]
                }
                """, r.out());
        assertEquals("ecs-image: cn-nanjing: no image id in --from (Skipped): not looked at\n", r.err());
        assertEquals(List.of("cn-shanghai", "cn-beijing", "cn-shanghai"), describes().stream().map(ApiCall::region).toList());
    }

    @Test
    void fromACopySetWithoutWaitingGivesOneExitStatusAndQuietLinesPerCopy() throws Exception {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Available", 100, null));
        Path file = copySet(copy("cn-shanghai", "m-a", "Accepted") + "," + copy("cn-nanjing", null, "Unknown") + ","
                + copy("cn-beijing", "m-b", "Creating"));

        CliRun.Result r = cli.run("status", "--from", file.toString(), "-q");

        assertEquals(11, r.status(), "m-b, a copy the set knew, is gone");
        assertEquals("m-a\n\nm-b\n", r.out());
        assertEquals("ecs-image: cn-beijing: the copy m-b is gone (cancelled or deleted elsewhere?)\n", r.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON|{\"copies\": [|not JSON: it breaks off, or has a syntax error, at line 1, column 13",
        "status output|{\"images\": []}|it is what 'status -o json' prints (\"images\"), not a copy set (\"copies\")",
        "no copies|{\"sourceImageId\": \"m-src\"}|it has no \"copies\" list",
        "a copy without region|{\"copies\": [{\"imageId\": \"m-a\", \"status\": \"Accepted\"}]}|copies[0]: \"region\" is missing",
        "a number for an id|{\"copies\": [{\"region\": \"cn-shanghai\", \"imageId\": 7, \"status\": \"Accepted\"}]}|copies[0]: \"imageId\" must be a string",
        "two documents|{\"copies\": []} {\"copies\": []}|more than one JSON value (line 1): one run of 'copy -o json' writes one document",
        "a region twice|{\"copies\": [{\"region\": \"cn-shanghai\", \"imageId\": \"m-a\", \"status\": \"Accepted\"}, {\"region\": \"cn-shanghai\", \"imageId\": \"m-b\", \"status\": \"Accepted\"}]}|copies[1]: region cn-shanghai is listed twice",
        "empty|''|it is empty",
    })
    void aFileThatIsNotACopySetIsAUsageErrorWithTheReason(String what, String content, String reason) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content);

        CliRun.Result r = cli.run("status", "--from", file.toString());

        assertEquals(2, r.status(), r.err());
        assertEquals("ecs-image: --from " + file + " is not a copy set (the JSON that 'copy -o json' prints): " + reason
                + "\nTry 'ecs-image status --help' for more information.\n", r.err());
        assertEquals(0, cli.ecs.calls.size());
    }

    @Test
    void fromChecksTheFileAndWhatIsInIt() throws Exception {
        assertEquals("ecs-image: --from " + dir.resolve("none.json") + ": no such file",
                cli.run("status", "--from", dir.resolve("none.json").toString()).err().lines().findFirst().orElseThrow());
        Path noIds = copySet(copy("cn-nanjing", null, "Skipped"));
        assertEquals("ecs-image: --from " + noIds + ": no copy in it has an image id (nothing to act on)",
                cli.run("status", "--from", noIds.toString()).err().lines().findFirst().orElseThrow());
        assertEquals("ecs-image: --image-id and --from cannot be combined: give one of them",
                cli.run("status", "--from", noIds.toString(), "-i", "cn-shanghai:m-a").err().lines().findFirst()
                        .orElseThrow());
        assertEquals("ecs-image: give the images: --image-id (-i) IMAGE_ID or REGION:IMAGE_ID, or --from FILE",
                cli.run("status").err().lines().findFirst().orElseThrow());
        assertEquals(0, cli.ecs.calls.size());
    }

    @Test
    void theTimeoutBoundsALookWithoutWaitAndTheImageIsUnknownWithTheLastError() {
        cli.ecs.unreachable("DescribeImages");
        cli.ecs.beforeCall = call -> cli.time.advance(Duration.ofSeconds(3));

        CliRun.Result r = cli.run("status", "-i", "cn-shanghai:m-a", "--timeout", "5s", "-q");

        assertEquals(12, r.status(), r.err());
        assertEquals("m-a\n", r.out());
        assertEquals("ecs-image: cn-shanghai: status of m-a unknown: DescribeImages did not answer in time; last error: "
                + "NetworkError: DescribeImages in cn-shanghai failed: network error: Connection refused\n", r.err());
        assertEquals(2, cli.ecs.count("DescribeImages"), "attempts at 0 and about 3 s; none after 5 s");
    }
}
