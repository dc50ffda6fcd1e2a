package dev.ecsimage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsimage.sandbox.Faults;
import dev.ecsimage.sandbox.Faults.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM sent to the real process: while copies are waited for, while a CopyImage is
 * in flight, and while --cancel-on-abort cancels. The record of the run is never lost.
 */
class SignalsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("(cn-\\w+) +(m-\\w{20})  ");
    private static final String THREE = "cn-shanghai,cn-beijing,cn-shenzhen";

    @TempDir
    Path home;

    private Sandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A sandbox where copies take about 10 s: a test has time to act while they run. */
    private Launcher slow() throws Exception {
        return slow(Faults.NONE, new Gate(Integer.MAX_VALUE));
    }

    private Launcher slow(Faults faults, Gate gate) throws Exception {
        sandbox = new Sandbox(EndToEndIT.SPEED / 40, faults, gate);
        return sandbox.launcher(home);
    }

    /** Starts a copy to three regions and returns once the first poll showed all three. */
    private Launcher.Running waitingCopy(Launcher launcher, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", THREE,
                "--progress", "plain", EndToEndIT.FAST_POLL));
        args.addAll(List.of(extra));
        Launcher.Running copy = launcher.start(args.toArray(String[]::new));
        copy.err().awaitContains("cn-shenzhen  m-", 20_000);
        return copy;
    }

    /** region -> id, from the progress lines on stderr. */
    private static List<String> idsShown(String err) {
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(err);
        while (m.find()) {
            if (!ids.contains(m.group(1) + ":" + m.group(2))) {
                ids.add(m.group(1) + ":" + m.group(2));
            }
        }
        return ids;
    }

    @ParameterizedTest(name = "SIG{0} -> {1}, -o json")
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalDuringAMultiRegionWaitStillPrintsTheCopySetDocument(String signal, int status) throws Exception {
        Launcher launcher = slow();
        Launcher.Running copy = waitingCopy(launcher, "-o", "json", "--client-token", "sig-" + signal);
        List<String> shown = idsShown(copy.err().text());

        copy.signal(signal);
        Launcher.Result r = copy.await();

        assertEquals(status, r.status(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("cn-hangzhou", doc.get("sourceRegion").asText());
        List<String> listed = new ArrayList<>();
        for (JsonNode c : doc.get("copies")) {
            listed.add(c.get("region").asText() + ":" + c.get("imageId").asText());
            assertTrue(c.get("status").asText().matches("Waiting|Creating"), r.out());
            assertEquals("sig-" + signal + "-" + c.get("region").asText(), c.get("clientToken").asText());
        }
        assertEquals(shown, listed);
        assertTrue(r.err().endsWith("\necs-image: interrupted; the copies keep running.\n"
                + "  follow: ecs-image status --wait -i " + String.join(",", listed) + "\n"
                + "  cancel: ecs-image cancel -i " + String.join(",", listed) + "\n"), r.err());
        assertEquals(0, sandbox.ecs().calls("CancelCopyImage"));
        assertEquals(12, launcher.run("status", "-i", String.join(",", listed)).status(), "still copying");
    }

    @ParameterizedTest(name = "SIG{0} -> {1}, -q")
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalDuringAMultiRegionWaitStillPrintsTheIdsWithQuiet(String signal, int status) throws Exception {
        Launcher launcher = slow();
        Launcher.Running copy = launcher.start("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou", "-t", THREE,
                "-q", EndToEndIT.FAST_POLL, "-v");
        copy.err().awaitMatches(Pattern.compile("(?s).*(CopyImage .*){3}DescribeImages .*"), 20_000);

        copy.signal(signal);
        Launcher.Result r = copy.await();

        assertEquals(status, r.status(), r.err());
        String[] lines = r.out().split("\n", -1);
        assertEquals(4, lines.length, r.out());
        assertTrue(lines[0].matches("m-uf6\\w{17}") && lines[1].matches("m-2ze\\w{17}") && lines[2].matches("m-wz9\\w{17}"),
                r.out());
        for (int i = 0; i < 3; i++) {
            assertEquals(THREE.split(",")[i], sandbox.ecs().image(lines[i]).orElseThrow().region());
        }
        assertEquals(3, sandbox.ecs().copiesCreated());
    }

    @Test
    void cancelOnAbortCancelsEveryCopyOnCtrlC() throws Exception {
        Launcher launcher = slow();
        Launcher.Running copy = waitingCopy(launcher, "--cancel-on-abort");
        List<String> shown = idsShown(copy.err().text());

        copy.signal("INT");
        Launcher.Result r = copy.await();

        assertEquals(130, r.status(), r.err());
        for (String regionAndId : shown) {
            String[] parts = regionAndId.split(":");
            assertTrue(r.err().contains("\necs-image: interrupted; cancelled the copy " + parts[1] + " in " + parts[0]
                    + "\n"), r.err());
        }
        assertEquals(3, sandbox.ecs().calls("CancelCopyImage"));
        assertEquals(5, launcher.run("status", "-i", String.join(",", shown)).status(), "the copies are gone");
    }

    /** CancelCopyImage held in flight by the sandbox, for as long as the test wants. */
    private static Faults heldCancels() {
        return new Faults(Fault.NEVER, Fault.NEVER, Fault.NEVER, Fault.NEVER, Duration.ofMinutes(5), "CancelCopyImage");
    }

    /** A copy to three regions with --cancel-on-abort, waiting, where every CancelCopyImage hangs until {@code gate} opens. */
    private Launcher.Running copyWithHangingCancels(Gate gate) throws Exception {
        return waitingCopy(slow(heldCancels(), gate), "--cancel-on-abort");
    }

    @Test
    void aSecondCtrlCEndsTheProcessAtOnceWhileCancelsHang() throws Exception {
        Gate gate = new Gate(0);
        Launcher.Running copy = copyWithHangingCancels(gate);

        copy.signal("INT");
        gate.awaitArrived(1, 20_000);
        long start = System.nanoTime();
        copy.signal("INT");
        Launcher.Result r = copy.await();
        long millis = (System.nanoTime() - start) / 1_000_000;
        gate.open();

        assertEquals(130, r.status(), r.err());
        assertTrue(millis < 3_000, "took " + millis + " ms");
        assertTrue(r.err().endsWith("ecs-image: interrupted again: stopping at once\n"), r.err());
    }

    @Test
    void cancelsOnAbortThatHangAreGivenUpAfterTenSeconds() throws Exception {
        Gate gate = new Gate(0);
        Launcher.Running copy = copyWithHangingCancels(gate);
        List<String> shown = idsShown(copy.err().text());

        long start = System.nanoTime();
        copy.signal("INT");
        Launcher.Result r = copy.await();
        long millis = (System.nanoTime() - start) / 1_000_000;
        gate.open();

        assertEquals(130, r.status(), r.err());
        assertTrue(millis >= 10_000 && millis < 14_000, "took " + millis + " ms");
        assertTrue(r.err().contains("\necs-image: waiting for the cancels to be answered (10s at most)\n"), r.err());
        String[] first = shown.get(0).split(":");
        assertTrue(r.err().contains("\necs-image: interrupted; could not cancel " + first[1] + " in " + first[0]
                + ": DeadlineReached: CancelCopyImage in " + first[0] + ": time limit reached during attempt 1\n"), r.err());
        String[] second = shown.get(1).split(":");
        assertTrue(r.err().contains("\necs-image: interrupted; could not cancel " + second[1] + " in " + second[0]
                + " within 10s: it may still be running\n"), r.err());
        assertTrue(r.err().endsWith("  cancel: ecs-image cancel -i " + String.join(",", shown) + "\n"), r.err());
    }

    @Test
    void aSignalWhileCopyImageIsInFlightGivesAnUnknownRowWhoseCommandFindsTheSameCopy() throws Exception {
        Gate gate = new Gate(1);
        sandbox = new Sandbox(EndToEndIT.SPEED, new Faults(Fault.NEVER, Fault.NEVER, Fault.NEVER, Fault.NEVER,
                Duration.ofMinutes(5), "CopyImage"), gate);
        Launcher launcher = sandbox.launcher(home);
        Launcher.Running copy = launcher.start("copy", "-i", Sandbox.DEMO, "-r", "cn-hangzhou",
                "-t", "cn-shanghai,cn-beijing", "-n", "web-7", "--tag", "team=web", "--client-token", "e2e-unknown",
                "-o", "json", "--progress", "plain");
        gate.awaitArrived(2, 20_000); // Shanghai's CopyImage went through, Beijing's is held

        long start = System.nanoTime();
        copy.signal("TERM");
        Launcher.Result r = copy.await();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(143, r.status(), r.err());
        assertTrue(millis >= 3_000 && millis < 6_000, "it waited about 3 s for the answer, took " + millis + " ms");
        JsonNode beijing = JSON.readTree(r.out()).at("/copies/1");
        assertEquals("cn-beijing", beijing.get("region").asText());
        assertEquals("Unknown", beijing.get("status").asText());
        assertTrue(beijing.get("imageId").isNull());
        assertEquals("e2e-unknown-cn-beijing", beijing.get("clientToken").asText());
        assertEquals("Accepted", JSON.readTree(r.out()).at("/copies/0/status").asText());
        String again = "ecs-image copy -i " + Sandbox.DEMO + " -r cn-hangzhou -t cn-beijing --client-token "
                + "e2e-unknown-cn-beijing -n web-7 --tag team=web";
        assertTrue(r.err().contains("ecs-image: cn-beijing: CopyImage got no answer: a copy may have started "
                + "(ClientToken e2e-unknown-cn-beijing). This finds it again (the same token returns the same image, or "
                + "makes the copy if there is none):\n  " + again + "\n"), r.err());

        gate.open(); // the held CopyImage now makes its copy; its answer finds no one
        for (long end = System.currentTimeMillis() + 10_000; sandbox.ecs().copiesCreated() < 2; Thread.sleep(20)) {
            assertTrue(System.currentTimeMillis() < end, "the held copy was never made");
        }
        Launcher.Result found = launcher.shell(home.resolve("bin"), again);

        assertEquals(0, found.status(), found.err());
        assertTrue(found.out().matches("cn-beijing  m-2ze\\w{17}  Available  100%\n"), found.out());
        assertEquals(2, sandbox.ecs().copiesCreated(), "the same copy, not a second one");
    }
}
