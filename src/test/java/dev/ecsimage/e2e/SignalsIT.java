package dev.ecsimage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.sandbox.Faults;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ctrl-C and SIGTERM while a copy is being waited for, sent to the real process. */
class SignalsIT {
    @TempDir
    Path home;

    private Sandbox sandbox;
    private Launcher launcher;

    @BeforeEach
    void start() throws Exception {
        sandbox = new Sandbox(EndToEndIT.SPEED / 40, Faults.NONE);
        launcher = sandbox.launcher(home);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Launcher.Running waitingCopy(String... extra) throws Exception {
        String[] base = {"copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shanghai", "--progress", "plain",
                EndToEndIT.FAST_POLL};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        Launcher.Running copy = launcher.start(all);
        copy.err().awaitContains("cn-shanghai  m-", 20_000);
        return copy;
    }

    @ParameterizedTest(name = "SIG{0} -> {1}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalWhileWaitingPrintsHowToFollowAndLeavesTheCopyRunning(String signal, int status) throws Exception {
        Launcher.Running copy = waitingCopy();
        String id = copy.err().text().split("\\s+")[1];

        copy.signal(signal);
        Launcher.Result r = copy.await();

        assertEquals(status, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().endsWith("\necs-image: interrupted; the copies keep running.\n"
                + "  follow: ecs-image status --wait -r cn-shanghai -i " + id + "\n"
                + "  cancel: ecs-image cancel -r cn-shanghai -i " + id + "\n"), r.err());
        assertEquals(0, sandbox.ecs().calls("CancelCopyImage"));
        assertEquals(12, launcher.run("status", "-r", "cn-shanghai", "-i", id).status(), "still copying");
    }

    @Test
    void cancelOnAbortCancelsTheCopyOnCtrlC() throws Exception {
        Launcher.Running copy = waitingCopy("--cancel-on-abort");
        String id = copy.err().text().split("\\s+")[1];

        copy.signal("INT");
        Launcher.Result r = copy.await();

        assertEquals(130, r.status(), r.err());
        assertTrue(r.err().endsWith("\necs-image: interrupted; cancelled the copy " + id + " in cn-shanghai\n"), r.err());
        assertEquals(1, sandbox.ecs().calls("CancelCopyImage"));
        assertEquals(5, launcher.run("status", "-r", "cn-shanghai", "-i", id).status(), "the copy is gone");
    }
}
