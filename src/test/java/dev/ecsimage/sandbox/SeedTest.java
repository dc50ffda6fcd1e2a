package dev.ecsimage.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedTest {
    @Test
    void regionsAreManyAndDistinctWithOneThatCannotCopy() {
        assertTrue(Seed.regions().size() >= 20, "at least 20 regions");
        Set<String> ids = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        Seed.regions().forEach(r -> {
            assertTrue(ids.add(r.id()), r.id());
            assertTrue(prefixes.add(r.idPrefix()), r.idPrefix());
            assertTrue(r.idPrefix().matches("[a-z0-9]{3}"), r.idPrefix());
        });
        assertEquals(Set.of(Seed.NO_COPY_REGION), Seed.regions().stream().filter(r -> !r.copySupported())
                .map(Region::id).collect(Collectors.toSet()));
    }

    @Test
    void seededImagesLookLikeTheirRegionsIds() {
        Map<String, Region> regions = Seed.regions().stream().collect(Collectors.toMap(Region::id, Function.identity()));
        Set<String> ids = new HashSet<>();
        for (SeedImage i : Seed.images()) {
            Region region = regions.get(i.region());
            assertTrue(ids.add(i.id()), i.id());
            assertTrue(i.id().matches("m-" + region.idPrefix() + "[a-z0-9]{17}"), i.id());
            assertTrue(i.snapshotId().matches("s-" + region.idPrefix() + "[a-z0-9]{17}"), i.snapshotId());
        }
        SeedImage demo = Seed.images().get(0);
        assertEquals(Seed.DEMO_IMAGE_ID, demo.id());
        assertEquals("cn-hangzhou", demo.region());
        assertEquals("Available", demo.status());
        assertEquals(CopyBehaviour.NORMAL, demo.behaviour());
        assertTrue(Seed.images().stream().filter(i -> i.status().equals("Available") && i.ownerAlias().equals("self"))
                .map(SeedImage::region).distinct().count() >= 2, "Available images in at least two regions");
    }
}
