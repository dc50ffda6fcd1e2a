package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsimage.output.TextResource;
import dev.ecsimage.sandbox.KmsKey;
import dev.ecsimage.sandbox.Region;
import dev.ecsimage.sandbox.Seed;
import dev.ecsimage.sandbox.SeedImage;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Chinese scenarios of the sandbox cover what Seed plays, entry for entry, and nothing else. */
class SeedTableTest {
    @Test
    void everyScenarioHasItsChineseAndNoOther() {
        Set<String> seeded = new TreeSet<>();
        for (SeedImage i : Seed.images()) {
            seeded.add(SeedTable.imageKey(i));
        }
        for (KmsKey k : Seed.kmsKeys()) {
            seeded.add(SeedTable.kmsKey(k));
        }
        for (Region r : Seed.regions()) {
            if (r.scenario() != null) {
                seeded.add(SeedTable.regionKey(r));
            }
        }
        Seed.requestScenarios().values().forEach(code -> seeded.add(SeedTable.requestKey(code)));
        Set<String> chinese = TextResource.load(SeedTable.SCENARIOS_ZH).keySet();

        Set<String> missing = new TreeSet<>(seeded);
        missing.removeAll(chinese);
        Set<String> stale = new TreeSet<>(chinese);
        stale.removeAll(seeded);
        assertEquals(Set.of(), missing, "scenarios without Chinese in " + SeedTable.SCENARIOS_ZH);
        assertEquals(Set.of(), stale, "Chinese for scenarios Seed does not have");
    }

    /** A request scenario is named by its code, so no two may answer the same one. */
    @Test
    void eachRequestScenarioAnswersItsOwnCode() {
        List<String> codes = List.copyOf(Seed.requestScenarios().values());
        assertEquals(codes.size(), Set.copyOf(codes).size(), codes.toString());
    }
}
