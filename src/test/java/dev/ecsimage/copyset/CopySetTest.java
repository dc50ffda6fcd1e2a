package dev.ecsimage.copyset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.ExitStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopySetTest {
    private final CopySet set = new CopySet("cn-hangzhou", "m-src", List.of());

    @Test
    void aSnapshotShowsACopyImageInFlightAsUnknownWithItsToken() {
        set.add(Copy.planned("cn-shanghai", "t-sh"));
        set.add(Copy.planned("cn-beijing", "t-bj"));

        assertTrue(set.startRequest("cn-shanghai"));
        assertTrue(set.requestInFlight());
        CopySet snapshot = set.snapshot();

        assertEquals(List.of(Copy.UNKNOWN, Copy.NOT_SENT), snapshot.copies().stream().map(Copy::status).toList());
        assertEquals("t-sh", snapshot.copies().get(0).clientToken());
        assertEquals(Copy.REQUESTING, set.get("cn-shanghai").status(), "the set itself still waits for the answer");

        set.update("cn-shanghai", c -> c.accepted("m-1", "req-1", false, Copy.ACCEPTED));
        assertFalse(set.requestInFlight());
        assertEquals("m-1", set.snapshot().copies().get(0).imageId());
    }

    @Test
    void onceClosedNoRequestStarts() {
        set.add(Copy.planned("cn-shanghai", "t"));
        set.close();

        assertFalse(set.startRequest("cn-shanghai"));
        assertEquals(Copy.NOT_SENT, set.get("cn-shanghai").status());
    }

    @Test
    void aRegionIsInASetOnce() {
        set.add(Copy.planned("cn-shanghai", "t"));

        assertThrows(IllegalArgumentException.class, () -> set.add(Copy.planned("cn-shanghai", "u")));
        assertThrows(IllegalArgumentException.class, () -> set.update("cn-beijing", c -> c));
    }

    @Test
    void eachCopyStandsForAnExitStatus() {
        Copy planned = Copy.planned("cn-shanghai", "t");
        CopyError quota = new CopyError("QuotaExceed.Image", "full", "r", 403, 8);

        assertEquals(ExitStatus.SUCCESS, planned.accepted("m-1", "r", false, Copy.ACCEPTED).exitStatus());
        assertEquals(ExitStatus.SUCCESS, planned.withStatus("Available").exitStatus());
        assertEquals(ExitStatus.IN_PROGRESS, planned.withStatus("Creating").exitStatus());
        assertEquals(ExitStatus.IN_PROGRESS, planned.withStatus("Migrating").exitStatus());
        assertEquals(ExitStatus.COPY_FAILED, planned.withStatus("CreateFailed").exitStatus());
        assertEquals(ExitStatus.VANISHED, planned.withStatus(Copy.GONE).exitStatus());
        assertEquals(ExitStatus.QUOTA, planned.withError(Copy.ERROR, quota).exitStatus());
        assertEquals(ExitStatus.SUCCESS, planned.withError(Copy.SKIPPED,
                new CopyError("RegionNotSupportCopy", "no", "r", 403, 6)).exitStatus(), "a skipped region counts as done");
    }

    @Test
    void aCopyRunsWhileItHasAnIdAndNoFinalStatus() {
        Copy accepted = Copy.planned("cn-shanghai", "t").accepted("m-1", "r", false, Copy.ACCEPTED);

        assertTrue(accepted.running());
        assertTrue(accepted.withStatus("Waiting").running());
        assertFalse(accepted.withStatus("Available").running());
        assertFalse(accepted.withStatus("CreateFailed").running());
        assertFalse(Copy.planned("cn-shanghai", "t").withStatus(Copy.UNKNOWN).running(), "no id, nothing to follow");
    }
}
