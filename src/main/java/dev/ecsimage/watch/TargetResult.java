package dev.ecsimage.watch;

import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.Image;

/** The end of following one target: its outcome, what was seen last (may be null) and the error for ERROR. */
public record TargetResult(Target target, Outcome outcome, Image lastSeen, EcsException error) {
}
