package dev.ecsimage.watch;

import static dev.ecsimage.watch.TimedEcs.steady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.Image;
import dev.ecsimage.watch.TimedEcs.Shown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The watcher against copies that run on a fake clock: which seconds each region is polled at,
 * how many calls that makes, and how soon an end is noticed. Poll seconds are exact (the fake
 * clock moves only by the watcher's sleeps); where the task states times "about", the tolerance
 * is 0.5 s.
 */
class CopyWatcherTest {
    private static final CopyWatcher.Options FOLLOW_ETA =
            new CopyWatcher.Options(CopyWatcher.Goal.FINAL_STATE, null, null);
    private static final String SHANGHAI = "cn-shanghai";
    private static final String BEIJING = "cn-beijing";

    private final TimedEcs ecs = new TimedEcs();
    private final List<String> events = new ArrayList<>();
    private final WatchListener recorder = new WatchListener() {
        @Override
        public void seen(Target target, Image image) {
            events.add(Math.round(ecs.now() * 1000) / 1000.0 + " " + target.imageId() + " " + image.status());
        }

        @Override
        public void transientError(String region, EcsException error, Duration retryIn) {
            events.add(ecs.now() + " " + region + " " + error.code() + " retry in " + retryIn.toMillis() + " ms");
        }
    };

    private List<TargetResult> watch(CopyWatcher.Options options, Target... targets) throws InterruptedException {
        return ecs.watcher().watch(List.of(targets), options, recorder);
    }

    private static Target copy(String region, String id) {
        return new Target(region, id, true);
    }

    /** The seconds of the copy's end to the poll that saw it. */
    private static double lag(List<Double> polls, double end) {
        return polls.stream().filter(s -> s >= end).findFirst().orElseThrow() - end;
    }

    @Test
    void theWorkedExampleASteady100SecondCopyIsPolledEightTimes() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", steady(0, 100, true));
        ecs.clock.advanceSeconds(2); // the wait begins 2 s after the copy started

        List<TargetResult> r = watch(FOLLOW_ETA, copy(SHANGHAI, "m-1"));

        assertEquals(Outcome.AVAILABLE, r.get(0).outcome());
        List<Double> polls = ecs.pollSeconds(SHANGHAI);
        List<Double> expected = List.of(2.0, 51.0, 76.0, 88.0, 94.0, 97.0, 99.0, 101.0);
        assertEquals(8, polls.size(), polls.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), polls.get(i), 0.5, polls.toString());
        }
        assertEquals(List.of(2.0, 51.0, 75.5, 88.0, 94.0, 97.0, 99.0, 101.0), polls, "exactly");
        assertTrue(lag(polls, 100) <= 2, polls.toString());
    }

    @Test
    void aThirtyFiveMinuteCopyWithRemainTimeTakesAboutOneCallAMinute() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", steady(0, 2100, true)); // 35 min, 1% per 21 s

        watch(FOLLOW_ETA, copy(SHANGHAI, "m-1"));

        List<Double> polls = ecs.pollSeconds(SHANGHAI);
        // Every 60 s while more than 2 min are left (0 ... 2040: 35 calls), then 30 s, 15 s, and every
        // 4 s through the last point: 2070, 2085, 2089, 2093, 2097, 2101. 41 calls in 35 min: 1.17 a minute.
        assertEquals(41, polls.size(), polls.toString());
        assertEquals(List.of(1980.0, 2040.0, 2070.0, 2085.0, 2089.0, 2093.0, 2097.0, 2101.0), polls.subList(33, 41));
        assertTrue(polls.size() / 35.0 <= 1.2);
        assertEquals(1.0, lag(polls, 2100), 1e-9);
    }

    @Test
    void aThirtyFiveMinuteCopyWithoutRemainTimeFollowsTheObservedRate() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", steady(0, 2100, false));

        watch(FOLLOW_ETA, copy(SHANGHAI, "m-1"));

        List<Double> polls = ecs.pollSeconds(SHANGHAI);
        // No estimate until progress first moves: 0, 2, 5, 9.5, 16.25, 26.375 (1% at 21 s); then every
        // 60 s up to 2006.375; then half the time left (2059.174) and no later than the earliest
        // possible end (2080.186, at 99%); then every 4 s. 46 calls in 35 min: 1.31 a minute.
        assertEquals(List.of(0.0, 2.0, 5.0, 9.5, 16.25, 26.375, 86.375), polls.subList(0, 7));
        assertEquals(List.of(2006.375, 2059.174, 2080.186, 2084.186, 2088.186, 2092.186, 2096.186, 2100.186),
                polls.subList(38, 46));
        assertEquals(46, polls.size());
        assertTrue(polls.size() / 35.0 <= 1.35);
        assertEquals(0.186, lag(polls, 2100), 1e-9);
    }

    @Test
    void aFanOutOf25RegionsPollsEachRegionAboutOnceAMinute() throws InterruptedException {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String region = "region-" + i;
            ecs.copy(region, "m-" + i, steady(i * 3, 2000 + i * 20, true)); // 33 to 41 min, starting 0-72 s apart
            targets.add(copy(region, "m-" + i));
        }

        List<TargetResult> r = ecs.watcher().watch(targets, FOLLOW_ETA, WatchListener.NONE);

        double regionMinutes = 0;
        for (int i = 0; i < 25; i++) {
            assertEquals(Outcome.AVAILABLE, r.get(i).outcome());
            List<Double> polls = ecs.pollSeconds("region-" + i);
            double end = i * 3 + 2000 + i * 20;
            assertTrue(lag(polls, end) <= 4, i + ": " + polls);
            regionMinutes += polls.get(polls.size() - 1) / 60;
        }
        // Each region as if alone: 1 call a minute plus 6 or 7 near its end: 1106 calls in 949 region-minutes.
        double perRegionMinute = ecs.polls.size() / regionMinutes;
        assertEquals(1106, ecs.polls.size());
        assertTrue(perRegionMinute <= 1.2, Double.toString(perRegionMinute));
    }

    @Test
    void twoCopiesInOneRegionTheNearerSetsTheInterval() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", steady(0, 100, true));
        // Queued behind m-1: its RemainTime counts the queue, as in the sandbox.
        ecs.copy(SHANGHAI, "m-2", steady(100, 100, true));

        List<TargetResult> r = watch(FOLLOW_ETA, copy(SHANGHAI, "m-1"), copy(SHANGHAI, "m-2"));

        assertEquals(List.of(Outcome.AVAILABLE, Outcome.AVAILABLE), r.stream().map(TargetResult::outcome).toList());
        List<Double> polls = ecs.pollSeconds(SHANGHAI);
        // As m-1 alone: m-2 (200 s left at first) changes nothing.
        assertEquals(List.of(0.0, 50.0, 75.0, 87.5, 94.0, 97.0, 99.0, 101.0), polls.subList(0, 8));
        assertEquals(1, ecs.polls.stream().filter(p -> p.second() == 50.0).count(), "one call for both");
    }

    @Test
    void aQueuedCopyWithoutEstimateLeavesTheIntervalToTheRunningOne() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", steady(0, 100, true));
        ecs.copy(SHANGHAI, "m-2", steady(100, 100, false));

        watch(FOLLOW_ETA, copy(SHANGHAI, "m-1"), copy(SHANGHAI, "m-2"));

        List<Double> polls = ecs.pollSeconds(SHANGHAI);
        assertEquals(List.of(0.0, 50.0, 75.0, 87.5, 94.0, 97.0, 99.0, 101.0), polls.subList(0, 8));
    }

    @Test
    void waitingToCreatingIsNoticedWithinOneInterval() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", s -> s < 40 ? new Shown("Waiting", 0, null) : steady(40, 100, true).apply(s));

        watch(FOLLOW_ETA, copy(SHANGHAI, "m-1"));

        List<Double> polls = ecs.pollSeconds(SHANGHAI);
        // Waiting with no estimate: 2 s growing by half up to 15 s; Creating seen at the first poll after 40 s.
        assertEquals(List.of(0.0, 2.0, 5.0, 9.5, 16.25, 26.375, 41.375), polls.subList(0, 7));
        assertEquals("26.375 m-1 Waiting", events.get(5));
        assertEquals("41.375 m-1 Creating", events.get(6));
    }

    @Test
    void aFailureIsNoticedAtTheNextPoll() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", s -> s < 60 ? steady(0, 100, true).apply(s) : new Shown("CreateFailed", 60, null));

        List<TargetResult> r = watch(FOLLOW_ETA, copy(SHANGHAI, "m-1"));

        assertEquals(Outcome.FAILED, r.get(0).outcome());
        assertEquals("CreateFailed", r.get(0).lastSeen().status());
        assertEquals(List.of(0.0, 50.0, 75.0), ecs.pollSeconds(SHANGHAI));
    }

    @Test
    void transientErrorsInOneRegionDoNotDelayAnother() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", steady(0, 100, true));
        ecs.copy(BEIJING, "m-2", steady(0, 100, true));
        ecs.unavailable((region, second) -> region.equals(BEIJING) && second < 30);

        List<TargetResult> r = watch(FOLLOW_ETA, copy(BEIJING, "m-2"), copy(SHANGHAI, "m-1"));

        assertEquals(List.of(Outcome.AVAILABLE, Outcome.AVAILABLE), r.stream().map(TargetResult::outcome).toList());
        assertEquals(List.of(0.0, 50.0, 75.0, 87.5, 94.0, 97.0, 99.0, 101.0), ecs.pollSeconds(SHANGHAI));
        // Backoff 1, 2, 4, 8, 16 s: answered at 31 s, then its own ETA (69 s left: next in 34.5 s).
        assertEquals(List.of(0.0, 1.0, 3.0, 7.0, 15.0, 31.0, 65.5), ecs.pollSeconds(BEIJING).subList(0, 7));
        assertEquals("0.0 cn-beijing ServiceUnavailable retry in 1000 ms", events.get(0));
        assertEquals("15.0 cn-beijing ServiceUnavailable retry in 16000 ms",
                events.stream().filter(e -> e.startsWith("15.0 ")).findFirst().orElseThrow());
    }

    @Test
    void aFixedIntervalIsKept() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", steady(0, 100, true));

        watch(new CopyWatcher.Options(CopyWatcher.Goal.FINAL_STATE, Duration.ofSeconds(10), null),
                copy(SHANGHAI, "m-1"));

        assertEquals(List.of(0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0),
                ecs.pollSeconds(SHANGHAI));
    }

    @Test
    void theDeadlineCutsTheSleepShortWithoutAFinalPoll() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", steady(0, 100, true));

        List<TargetResult> r = watch(new CopyWatcher.Options(CopyWatcher.Goal.FINAL_STATE, null,
                TimedEcs.START.plusSeconds(30)), copy(SHANGHAI, "m-1"));

        assertEquals(Outcome.IN_PROGRESS, r.get(0).outcome());
        assertEquals("Creating", r.get(0).lastSeen().status());
        assertEquals(List.of(0.0), ecs.pollSeconds(SHANGHAI));
        assertEquals(List.of(Duration.ofSeconds(30)), ecs.sleeps);
    }

    @Test
    void progressThatJumpsBackRestartsTheRate() throws InterruptedException {
        // No RemainTime; 1% a second up to 50% at 50 s, back to 10% at 60 s, then 1% a second again.
        ecs.copy(SHANGHAI, "m-1", s -> s < 60 ? new Shown("Creating", (int) Math.min(50, s), null)
                : s < 150 ? new Shown("Creating", (int) (10 + s - 60), null) : new Shown("Available", 100, null));

        watch(FOLLOW_ETA, copy(SHANGHAI, "m-1"));

        List<Double> polls = ecs.pollSeconds(SHANGHAI);
        // At 76.5 s progress is 26% (was 50%): no estimate (2 s), then the rate measured from 76.5 s.
        assertEquals(List.of(0.0, 2.0, 51.0, 76.5, 78.5, 114.5, 132.5, 141.5, 146.0, 148.0, 150.0), polls);
    }

    @Test
    void statusesUnknownOrMissingKeepTheWaitGoing() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", s -> s < 10 ? new Shown(null, null, null)
                : s < 20 ? new Shown("Importing", 50, 3600L) : new Shown("Available", 100, null));

        List<TargetResult> r = watch(FOLLOW_ETA, copy(SHANGHAI, "m-1"));

        assertEquals(Outcome.AVAILABLE, r.get(0).outcome());
        // No status, no progress: no estimate (2 s growing by half); an unknown status with RemainTime
        // 1 h is waited for as a copy in progress (60 s).
        assertEquals(List.of("0.0 m-1 null", "2.0 m-1 null", "5.0 m-1 null", "9.5 m-1 null", "16.25 m-1 Importing",
                "76.25 m-1 Available"), events);
    }

    @Test
    void aCopyStuckAt99PercentIsPolledLessAndLess() throws InterruptedException {
        ecs.copy(SHANGHAI, "m-1", s -> s < 99 ? steady(0, 100, true).apply(s)
                : s < 600 ? new Shown("Creating", 99, 1L) : new Shown("Available", 100, 0L));

        watch(FOLLOW_ETA, copy(SHANGHAI, "m-1"));

        List<Double> polls = ecs.pollSeconds(SHANGHAI);
        // At 99 s RemainTime says 1 s: polls every 2 s until that promise (plus 10 s grace) has passed,
        // then growing by half up to 60 s: 27 calls in 10 minutes instead of 250.
        assertEquals(List.of(99.0, 101.0, 103.0, 105.0, 107.0, 109.0, 111.0, 114.0, 118.5, 125.25, 135.375,
                150.563, 173.345, 207.518, 258.778, 318.778), polls.subList(6, 22));
        assertEquals(618.778, polls.get(polls.size() - 1));
        assertEquals(27, polls.size());
    }
}
