package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private final CliRun cli = new CliRun();

    @Test
    void onATerminalBarsAreRedrawnInPlaceAndEveryLineIsFinished() {
        cli.terminal = true;

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai");

        assertEquals(0, r.status());
        String bar0 = "cn-shanghai  m-cnscopy1  \033[33mWaiting     \033[0m [------------------------]   0%\n";
        String bar50 = "cn-shanghai  m-cnscopy1  \033[33mCreating    \033[0m [############------------]  50%  ETA 1m\n";
        String bar100 = "cn-shanghai  m-cnscopy1  \033[32mAvailable   \033[0m [########################] 100%\n";
        String up = "\033[1A\033[J";
        assertEquals(bar0 + up + bar0 + up + bar50 + up + bar100, r.err());
        assertTrue(r.err().endsWith("\n"));
    }

    @Test
    void noColorKeepsTheBarsButDropsTheColors() {
        cli.terminal = true;
        cli.env.put("NO_COLOR", "1");

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai");

        assertTrue(r.err().contains("cn-shanghai  m-cnscopy1  Available    [########################] 100%\n"), r.err());
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
    void quietPrintsNoProgress() {
        cli.terminal = true;

        CliRun.Result r = cli.run("copy", "-i", "m-src", "-r", "cn-hangzhou", "-t", "cn-shanghai", "-q");

        assertEquals("", r.err());
        assertEquals("m-cnscopy1\n", r.out());
    }
}
