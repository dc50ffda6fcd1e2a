package dev.ecsimage.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsimage.sandbox.Region;
import dev.ecsimage.sandbox.Seed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table the build writes covers the sandbox's region catalogue, name for name. */
class RegionNamesTest {
    @Test
    void theTableHasEveryRegionOfTheCatalogueAndNoOther() {
        Map<String, String> catalogue = new LinkedHashMap<>();
        for (Region r : Seed.regions()) {
            catalogue.put(r.id(), r.chineseName());
        }
        assertEquals(27, catalogue.size());
        assertEquals(catalogue, RegionNames.all());
        assertEquals("华东2（上海）", RegionNames.chinese("cn-shanghai"));
        assertEquals(null, RegionNames.chinese("xx-nowhere-1"));
    }
}
