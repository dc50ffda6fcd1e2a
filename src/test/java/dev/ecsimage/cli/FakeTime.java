package dev.ecsimage.cli;

import dev.ecsimage.testing.ManualClock;
import dev.ecsimage.transport.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when the code under test sleeps; every sleep is recorded. */
final class FakeTime extends ManualClock implements Sleeper {
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
            advance(duration);
        }
    }

    FakeTime() {
        super(Instant.parse("2026-11-27T12:00:00Z"));
    }

    Duration elapsed() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
