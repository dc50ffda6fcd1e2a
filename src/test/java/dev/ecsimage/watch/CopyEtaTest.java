package dev.ecsimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.api.Image;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@link CopyEta}, one poll at a time: the interval it asks for after each. */
class CopyEtaTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final long THIRTY_DAYS = 30L * 24 * 3600;

    private final CopyEta eta = new CopyEta();

    /** Observes a poll at {@code second} and returns the interval asked for, in seconds. */
    private double poll(double second, String status, Integer progress, Long remain) {
        eta.observe(T0.plusMillis(Math.round(second * 1000)), new Image("cn-shanghai", "m-1", null, status, progress, remain));
        return eta.interval().toMillis() / 1000.0;
    }

    @Test
    void withoutEstimateStartsAt2sAndGrowsByHalfTo15s() {
        List<Double> intervals = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            intervals.add(eta.withoutEstimate().toMillis() / 1000.0);
        }
        assertEquals(List.of(2.0, 3.0, 4.5, 6.75, 10.125, 15.0, 15.0), intervals);
    }

    @Test
    void halfTheRemainTimeBetween2And60Seconds() {
        assertEquals(60.0, poll(0, "Creating", 10, 3000L));
        assertEquals(40.0, poll(60, "Creating", 12, 80L), "80 s left by RemainTime; the rate (2 points a minute) disagrees but has seen under 5 points");
        assertEquals(2.0, poll(100, "Creating", 13, 3L));
    }

    @Test
    void remainTimeZeroOrOver30DaysIsNoEstimate() {
        assertEquals(2.0, poll(0, "Creating", 10, 0L));
        assertEquals(3.0, poll(2, "Creating", 10, THIRTY_DAYS + 1));
        assertEquals(4.5, poll(5, "Creating", 10, -5L));
        assertEquals(60.0, poll(9.5, "Creating", 10, THIRTY_DAYS), "30 days is still an estimate");
    }

    @Test
    void theObservedRateAloneGivesAnEstimate() {
        assertEquals(2.0, poll(0, "Creating", 90, null), "no rate yet");
        assertEquals(3.0, poll(2, "Creating", 90, null), "progress has not moved");
        assertEquals(22.5, poll(5, "Creating", 91, null), "1 point in 5 s: 45 s left");
    }

    @Test
    void aRemainTimeThatDisagreesWithAnEstablishedRateGivesWay() {
        assertEquals(60.0, poll(0, "Creating", 0, 864_000L), "10 days by RemainTime");
        assertEquals(60.0, poll(4, "Creating", 4, 864_000L), "the rate says 96 s but has seen only 4 points");
        assertEquals(47.5, poll(5, "Creating", 5, 864_000L), "5 points: the rate counts, 95 s left");
    }

    @Test
    void whenRemainTimeAndRateAgreeTheSoonerCounts() {
        poll(0, "Creating", 0, 100L);
        assertEquals(25.0, poll(50, "Creating", 50, 60L), "50 s by the rate, 60 s by RemainTime");
        assertEquals(10.0, poll(75, "Creating", 75, 20L), "20 s by RemainTime, 25 s by the rate");
    }

    @Test
    void nearTheEndThePollsAreAtMost4sApart() {
        assertEquals(2.0, poll(0, "Creating", 0, null));
        assertEquals(60.0, poll(20, "Creating", 1, null), "1 point in 20 s: 1980 s left");
        assertEquals(20.0, poll(1960, "Creating", 98, null), "40 s left, but 20 s if it is nearly at 99% already");
        assertEquals(4.0, poll(1980, "Creating", 99, null), "20 s left, but it may be at 99.9% already");
    }

    @Test
    void aWaitingCopyWithoutRemainTimeIsQueuedWithoutEstimate() {
        assertEquals(2.0, poll(0, "Waiting", 0, null));
        assertTrue(eta.queuedWithoutEstimate());
        assertEquals(3.0, poll(2, "Waiting", 0, null), "no rate while waiting");
        assertEquals(55.0, poll(5, "Waiting", 0, 110L), "its RemainTime, queue included");
        assertFalse(eta.queuedWithoutEstimate());
        assertEquals(2.0, poll(60, "Creating", 45, null), "a new status: no estimate until progress moves");
        assertFalse(eta.queuedWithoutEstimate());
    }

    @Test
    void aRemainTimeThatKeepsSayingAFewSecondsIsNotBelievedOnceOverdue() {
        assertEquals(2.5, poll(0, "Creating", 99, 5L));
        assertEquals(2.5, poll(2.5, "Creating", 99, 5L));
        assertEquals(2.5, poll(5, "Creating", 99, 5L));
        assertEquals(2.5, poll(12.5, "Creating", 99, 5L));
        // The first promise was 0 + 5 s + 10 s of grace = 15 s.
        assertEquals(3.75, poll(15.5, "Creating", 99, 5L));
        assertEquals(5.625, poll(19.25, "Creating", 99, 5L));
        assertEquals(2.5, poll(25, "Creating", 100, 5L), "progress moved: believed again");
    }

    @Test
    void progressIsClampedTo0To100() {
        assertEquals(2.0, poll(0, "Creating", -5, null));
        assertEquals(6.111, poll(10, "Creating", 45, null), "from 0% (not -5%): 4.5 points a second, 12.2 s left");
    }
}
