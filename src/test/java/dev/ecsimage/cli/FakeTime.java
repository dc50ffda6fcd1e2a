package dev.ecsimage.cli;

import dev.ecsimage.transport.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when the code under test sleeps; every sleep is recorded. */
final class FakeTime extends Clock implements Sleeper {
    private Instant now = Instant.parse("2026-11-27T12:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();
    /** Runs once, at the first sleep (e.g. to play a Ctrl-C in the middle of a wait). */
    Runnable onSleep;

    @Override
    public void sleep(Duration duration) {
        Runnable once = onSleep;
        onSleep = null;
        if (once != null) {
            once.run();
        }
        synchronized (this) {
            sleeps.add(duration);
            now = now.plus(duration);
        }
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    Duration elapsed() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
