package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ecsimage.cli.ScriptedEcs.Step;
import dev.ecsimage.transport.ApiCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancelCommandTest {
    private final CliRun cli = new CliRun();

    @Test
    void cancelsInTheDestinationRegion() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null));

        CliRun.Result r = cli.run("cancel", "-r", "cn-shanghai", "-i", "m-a", "-o", "json");

        assertEquals(0, r.status(), r.err());
        assertEquals("""
                {
                  "region": "cn-shanghai",
                  "imageId": "m-a",
                  "cancelled": true,
                  "requestId": "req-1",
                  "error": null
                }
                """, r.out());
        assertEquals("cn-shanghai", cli.ecs.calls.get(0).params().get("RegionId"));
        assertFalse(cli.ecs.exists("cn-shanghai", "m-a"));
    }

    @Test
    void waitPollsUntilTheCopyIsGone() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null));

        CliRun.Result r = cli.run("cancel", "-r", "cn-shanghai", "-i", "m-a", "--wait", "--progress", "none");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  m-a  Cancelled\n", r.out());
        assertEquals(1, cli.ecs.count("DescribeImages"));
    }

    @Test
    void aLostAnswerThenNotFoundCountsAsCancelled() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null));
        cli.ecs.drop("CancelCopyImage");
        cli.time.onSleep = () -> cli.ecs.remove("cn-shanghai", "m-a");

        CliRun.Result r = cli.run("cancel", "-r", "cn-shanghai", "-i", "m-a", "-q");

        assertEquals(0, r.status(), r.err());
        assertEquals("m-a\n", r.out());
    }

    @Test
    void aFinishedCopyCannotBeCancelled() {
        cli.ecs.fail("CancelCopyImage", 400, "IncorrectImageStatus");

        CliRun.Result r = cli.run("cancel", "-r", "cn-shanghai", "-i", "m-a");

        assertEquals(6, r.status());
        assertEquals("cn-shanghai  m-a  Error\n", r.out());
        assertEquals("ecs-image: cn-shanghai: IncorrectImageStatus: scripted IncorrectImageStatus (HTTP 400, "
                + "RequestId req-err)\n"
                + "hint: the image is not in a state that allows this (a copy's source must be Available)\n", r.err());
    }

    @Test
    void anUnknownIdExits5AndSaysWhereTheRegionPoints() {
        CliRun.Result r = cli.run("cancel", "-r", "cn-shanghai", "-i", "m-nope", "-o", "json");

        assertEquals(5, r.status());
        assertEquals("""
                {
                  "region": "cn-shanghai",
                  "imageId": "m-nope",
                  "cancelled": false,
                  "requestId": null,
                  "error": {
                    "code": "InvalidImageId.NotFound",
                    "message": "The specified ImageId does not exist.",
                    "requestId": "req-nf",
                    "httpStatus": 404,
                    "exitStatus": 5
                  }
                }
                """, r.out());
        assertEquals("ecs-image: cn-shanghai: InvalidImageId.NotFound: The specified ImageId does not exist. (HTTP 404, "
                + "RequestId req-nf)\n"
                + "hint: an image id's region (--region, or REGION: before the id) is where the image lives: for a copy, "
                + "its destination region, not the source\n", r.err());
    }

    @Test
    void severalCopiesOneCancelEachAndTheFirstFailureIsTheStatus() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null))
                .image("cn-shenzhen", "m-c", null, new Step("Waiting", 0, null));

        CliRun.Result r = cli.run("cancel", "-i", "cn-shanghai:m-a,cn-beijing:m-b,cn-shenzhen:m-c", "-o", "json", "-q");

        assertEquals(5, r.status());
        List<ApiCall> cancels = cli.ecs.calls;
        assertEquals(List.of("cn-shanghai:m-a", "cn-beijing:m-b", "cn-shenzhen:m-c"),
                cancels.stream().map(c -> c.region() + ":" + c.params().get("ImageId")).toList());
        assertEquals("""
                {
                  "cancels": [
                    {
                      "region": "cn-shanghai",
                      "imageId": "m-a",
                      "cancelled": true,
                      "requestId": "req-1",
                      "error": null
                    },
                    {
                      "region": "cn-beijing",
                      "imageId": "m-b",
                      "cancelled": false,
                      "requestId": null,
                      "error": {
                        "code": "InvalidImageId.NotFound",
                        "message": "The specified ImageId does not exist.",
                        "requestId": "req-nf",
                        "httpStatus": 404,
                        "exitStatus": 5
                      }
                    },
                    {
                      "region": "cn-shenzhen",
                      "imageId": "m-c",
                      "cancelled": true,
                      "requestId": "req-3",
                      "error": null
                    }
                  ]
                }
                """, r.out());
        assertFalse(cli.ecs.exists("cn-shenzhen", "m-c"));
    }

    @Test
    void quietPrintsOneLinePerCopyEmptyWhereTheCancelFailed() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null));

        CliRun.Result r = cli.run("cancel", "-i", "cn-beijing:m-b,cn-shanghai:m-a", "-q");

        assertEquals("\nm-a\n", r.out());
    }

    @Test
    void waitFollowsEveryCancelledCopyUntilItIsGone() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null))
                .image("cn-beijing", "m-b", null, new Step("Creating", 10, null));

        CliRun.Result r = cli.run("cancel", "-i", "cn-shanghai:m-a,cn-beijing:m-b", "--wait", "--progress", "none");

        assertEquals(0, r.status(), r.err());
        assertEquals("cn-shanghai  m-a  Cancelled\ncn-beijing   m-b  Cancelled\n", r.out());
        assertEquals(2, cli.ecs.count("DescribeImages"));
    }

    @Test
    void fromACopySetCancelsEveryCopyWithAnId(@TempDir Path dir) throws Exception {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null));
        Path file = dir.resolve("copies.json");
        Files.writeString(file, """
                {"sourceImageId": "m-src", "sourceRegion": "cn-hangzhou", "copies": [
                 {"region": "cn-shanghai", "imageId": "m-a", "status": "Creating", "clientToken": "t-1"},
                 {"region": "cn-beijing", "imageId": null, "status": "Unknown", "clientToken": "t-2"}]}
                """);

        CliRun.Result r = cli.run("cancel", "--from", file.toString(), "-o", "json");

        assertEquals(0, r.status(), r.err());
        assertEquals(1, cli.ecs.count("CancelCopyImage"));
        assertEquals("ecs-image: cn-beijing: no image id in --from (Unknown): not cancelled\n", r.err());
        assertEquals("""
                {
                  "cancels": [
                    {
                      "region": "cn-shanghai",
                      "imageId": "m-a",
                      "cancelled": true,
                      "requestId": "req-1",
                      "error": null
                    }
                  ]
                }
                """, r.out());
    }
}
