package dev.ecsimage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.sandbox.Faults;
import dev.ecsimage.sandbox.Faults.Fault;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --timeout bounds the whole command, calls in flight included: exit 12 about when it says, with the record. */
class TimeoutsIT {
    @TempDir
    Path home;

    private Sandbox sandbox;
    private Gate gate;

    @AfterEach
    void stop() {
        gate.open();
        sandbox.close();
    }

    /** A sandbox that never answers {@code action}, unless {@code passes} first. */
    private Launcher silent(String action, int passes) throws Exception {
        gate = new Gate(passes);
        sandbox = new Sandbox(EndToEndIT.SPEED, new Faults(Fault.NEVER, Fault.NEVER, Fault.NEVER, Fault.NEVER,
                Duration.ofMinutes(5), action), gate);
        return sandbox.launcher(home);
    }

    @Test
    void statusOfAnEndpointThatNeverAnswersEndsAtTheTimeoutWithTheImageUnknown() throws Exception {
        Launcher launcher = silent("DescribeImages", 0);

        long start = System.nanoTime();
        Launcher.Result r = launcher.run("status", "--wait", "--timeout", "2s", "-i", "cn-shanghai:m-uf6s26lrwbqcab69m64p");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(12, r.status(), r.err());
        assertTrue(millis < 2_000 + 2_500, "took " + millis + " ms (JVM start included)");
        assertEquals("cn-shanghai  m-uf6s26lrwbqcab69m64p  Unknown  -\n", r.out());
        assertTrue(r.err().contains("ecs-image: cn-shanghai: status of m-uf6s26lrwbqcab69m64p unknown: DescribeImages did "
                + "not answer in time\n"), r.err());
    }

    @Test
    void aCopyImageWithoutAnswerEndsAtTheTimeoutAsUnknownWithItsToken() throws Exception {
        Launcher launcher = silent("CopyImage", 0);

        long start = System.nanoTime();
        Launcher.Result r = launcher.run("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", "cn-shanghai,cn-beijing",
                "--timeout", "2s", "--client-token", "late", "-q");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(12, r.status(), r.err());
        assertTrue(millis < 2_000 + 2_500, "took " + millis + " ms (JVM start included)");
        assertEquals("\n\n", r.out(), "Unknown, then NotSent");
        assertTrue(r.err().startsWith("ecs-image: cn-shanghai: CopyImage got no answer: a copy may have started "
                + "(ClientToken late-cn-shanghai). "), r.err());
        assertTrue(r.err().contains("\n  ecs-image copy -i " + Sandbox.DEMO + " -r cn-hangzhou -t cn-shanghai "
                + "--client-token late-cn-shanghai\n"), r.err());
    }
}
