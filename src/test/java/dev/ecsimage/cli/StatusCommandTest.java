package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsimage.cli.ScriptedEcs.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusCommandTest {
    private final CliRun cli = new CliRun();

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
                      "remainingSeconds": 120
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
    void anIdThatDoesNotExistExits5() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Available", 100, null));

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a,m-nope");

        assertEquals(5, r.status());
        assertEquals("cn-shanghai  m-a     Available  100%\ncn-shanghai  m-nope  NotFound  -\n".replace("m-a     ", "m-a  ")
                .replace("m-nope  NotFound", "m-nope  NotFound"), r.out());
        assertEquals("ecs-image: cn-shanghai: no image m-nope\n", r.err());
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
    void anImageThatDisappearsWhileWaitedForExits11() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null), new Step("Creating", 20, null));
        cli.time.onSleep = () -> cli.ecs.remove("cn-shanghai", "m-a");

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a", "--wait", "--progress", "none");

        assertEquals(11, r.status());
        assertEquals("cn-shanghai  m-a  Creating  10%\n", r.out());
    }

    @Test
    void timeoutWhileWaitingExits12WithAFollowLine() {
        cli.ecs.image("cn-shanghai", "m-a", null, new Step("Creating", 10, null));

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a", "--wait", "--timeout", "1m",
                "--progress", "none");

        assertEquals(12, r.status());
        assertEquals(List.of(60L), List.of(cli.time.elapsed().toSeconds()));
        assertEquals("ecs-image: still running after 1m; the copies keep running.\n"
                + "  follow: ecs-image status --wait -r cn-shanghai -i m-a\n"
                + "  cancel: ecs-image cancel -r cn-shanghai -i m-a\n", r.err());
    }
}
