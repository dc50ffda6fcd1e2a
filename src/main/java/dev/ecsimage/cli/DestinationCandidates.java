package dev.ecsimage.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** What shell completion offers for {@code copy --to}: {@code all}, then every region id. */
public final class DestinationCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        List<String> all = new ArrayList<>(List.of(CopyCommand.ALL));
        all.addAll(RegionCandidates.IDS);
        return all.iterator();
    }
}
