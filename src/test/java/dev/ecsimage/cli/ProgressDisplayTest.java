package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private final CliRun cli = new CliRun();

    /** Back to the start of the one line drawn before. */
    private static final String UP1 = "\r\033[1A";
    /** The end of every line drawn: the rest of the old line cleared. */
    private static final String END = "\033[K\n";

    @Test
    void onATerminalBarsAreRedrawnInPlaceAndEndInOneSummaryLine() {
        cli.terminal = true;

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai");

        assertEquals(0, r.status());
        String bar0 = "cn-shanghai  m-cnscopy1  \033[33mWaiting     \033[0m [------------------------]   0%" + END;
        String bar50 = "cn-shanghai  m-cnscopy1  \033[33mCreating    \033[0m [############------------]  50%  ETA 1m" + END;
        String bar100 = "cn-shanghai  m-cnscopy1  \033[32mAvailable   \033[0m [########################] 100%" + END;
        assertEquals(bar0 + UP1 + bar0 + UP1 + bar50 + UP1 + bar100 + UP1 + "1 copy: 1 Available" + END, r.err());
        assertEquals("cn-shanghai  m-cnscopy1  Available  100%\n", r.out());
    }

    @Test
    void barsFitANarrowTerminal() {
        cli.terminal = true;
        cli.env.put("COLUMNS", "40");
        cli.env.put("NO_COLOR", "1");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai");

        assertEquals("cn-shanghai  m-cnsc..  Waiting        0%" + END + UP1
                + "cn-shanghai  m-cnsc..  Waiting        0%" + END + UP1
                + "cn-shanghai  m-cnsc..  Creating      50%" + END + UP1
                + "cn-shanghai  m-cnsc..  Available    100%" + END + UP1
                + "1 copy: 1 Available" + END, r.err());
    }

    @Test
    void moreCopiesThanRowsShowWhatFitsAndCountTheRest() {
        cli.terminal = true;
        cli.env.put("LINES", "3");
        cli.env.put("NO_COLOR", "1");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing,cn-qingdao");

        String[] drawings = r.err().split("\r\033\\[2A", -1);
        assertEquals("cn-shanghai  m-cnscopy1  Waiting      [------------------------]   0%" + END
                + "+2 more: 2 Waiting" + END, drawings[0]);
        assertEquals("cn-shanghai  m-cnscopy1  Available    [########################] 100%" + END
                + "+2 more: 2 Available" + END, drawings[drawings.length - 2]);
        assertEquals("3 copies: 3 Available" + END + "\033[J", drawings[drawings.length - 1]);
    }

    @Test
    void statusWaitCountsImages() {
        cli.terminal = true;
        cli.env.put("NO_COLOR", "1");
        cli.ecs.image("cn-shanghai", "m-a", null, new ScriptedEcs.Step("Creating", 50, 60L),
                new ScriptedEcs.Step("Available", 100, 0L));

        CliRun.Result r = cli.run("status", "-r", "cn-shanghai", "-i", "m-a", "--wait");

        assertTrue(r.err().endsWith(UP1 + "1 image: 1 Available" + END), r.err());
    }

    @Test
    void anInterruptEndsTheBarsBeforeSayingHowToFollow() {
        cli.terminal = true;
        cli.env.put("NO_COLOR", "1");
        cli.ecs.copyScript("cn-shanghai", java.util.List.of(new ScriptedEcs.Step("Creating", 10, 600L)));
        cli.time.onSleep = () -> cli.abortHooks.forEach(Runnable::run);

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--timeout", "3s");

        assertTrue(r.err().contains("cn-shanghai  m-cnscopy1  Creating     [##----------------------]  10%  ETA 10m" + END
                + UP1 + "1 copy: 1 Creating" + END
                + "\n" // the line a terminal's ^C echo is on
                + "ecs-image: interrupted; the copies keep running.\n"), r.err());
    }

    @Test
    void noColorKeepsTheBarsButDropsTheColors() {
        cli.terminal = true;
        cli.env.put("NO_COLOR", "1");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai");

        assertTrue(r.err().contains("cn-shanghai  m-cnscopy1  Available    [########################] 100%" + END), r.err());
        assertFalse(r.err().contains("\033[3"), r.err());
    }

    @Test
    void autoPrintsPlainLinesWhenStderrIsNoTerminal() {
        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai");

        assertEquals("cn-shanghai  m-cnscopy1  Waiting  0%\n"
                + "cn-shanghai  m-cnscopy1  Creating  50%  ETA 1m\n"
                + "cn-shanghai  m-cnscopy1  Available  100%\n", r.err());
    }

    @Test
    void plainLinesComeOnEachStatusChangeAndEveryTenPercent() {
        cli.ecs.copyScript("cn-shanghai", java.util.List.of(new ScriptedEcs.Step("Creating", 5, null),
                new ScriptedEcs.Step("Creating", 9, null), new ScriptedEcs.Step("Creating", 15, null),
                new ScriptedEcs.Step("Creating", 19, null), new ScriptedEcs.Step("Creating", 42, null),
                new ScriptedEcs.Step("Available", 100, null)));

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "plain");

        assertEquals("cn-shanghai  m-cnscopy1  Creating  5%\n"
                + "cn-shanghai  m-cnscopy1  Creating  15%\n"
                + "cn-shanghai  m-cnscopy1  Creating  42%\n"
                + "cn-shanghai  m-cnscopy1  Available  100%\n", r.err());
    }

    @Test
    void verboseOnATerminalPrintsPlainLinesAmongItsLog() {
        cli.terminal = true;

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-v");

        assertTrue(r.err().contains("\ncn-shanghai  m-cnscopy1  Creating  50%  ETA 1m\n"), r.err());
        assertFalse(r.err().contains("\033["), r.err());
    }

    @Test
    void quietPrintsNoProgress() {
        cli.terminal = true;

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-q");

        assertEquals("", r.err());
        assertEquals("m-cnscopy1\n", r.out());
    }
}
