package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ecsimage.cli.ScriptedEcs.Step;
import org.junit.jupiter.api.Test;

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
                  "requestId": "req-1"
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
        assertEquals("", r.out());
        assertEquals("ecs-image: IncorrectImageStatus: scripted IncorrectImageStatus (HTTP 400, RequestId req-err)\n"
                + "hint: the image is not in a state that allows this (a copy's source must be Available)\n", r.err());
    }

    @Test
    void anUnknownIdExits5WithTheJsonErrorOnStderr() {
        CliRun.Result r = cli.run("cancel", "-r", "cn-shanghai", "-i", "m-nope", "-o", "json");

        assertEquals(5, r.status());
        assertEquals("", r.out());
        assertEquals("{\"error\": {\"code\": \"InvalidImageId.NotFound\", \"message\": \"The specified ImageId does not exist.\", "
                + "\"requestId\": \"req-nf\", \"httpStatus\": 404, \"exitStatus\": 5}}\n", r.err());
    }
}
