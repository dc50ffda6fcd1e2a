package dev.ecsimage.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
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
            assertTrue(ids.add(i.region() + "/" + i.id()), i.region() + "/" + i.id());
            if (i.ownerAlias().equals("system")) {
                assertEquals(i.name(), i.id(), "a public image's id is its name");
                assertTrue(i.id().matches("[A-Za-z0-9_]+_alibase_\\d{8}\\.vhd"), i.id());
                assertEquals(null, i.snapshotId());
                continue;
            }
            assertTrue(i.id().matches("m-" + region.idPrefix() + "[a-z0-9]{17}"), i.id());
            if (i.snapshotId() != null) {
                assertTrue(i.snapshotId().matches("s-" + region.idPrefix() + "[a-z0-9]{17}"), i.snapshotId());
            }
            assertTrue(Set.of("self", "others", "marketplace").contains(i.ownerAlias()), i.ownerAlias());
        }
        SeedImage demo = Seed.images().get(0);
        assertEquals(Seed.DEMO_IMAGE_ID, demo.id());
        assertEquals("cn-hangzhou", demo.region());
        assertEquals("Available", demo.status());
        assertEquals(CopyBehaviour.NORMAL, demo.behaviour());
        assertTrue(Seed.images().stream().filter(i -> i.status().equals("Available") && i.ownerAlias().equals("self"))
                .map(SeedImage::region).distinct().count() >= 2, "Available images in at least two regions");
    }

    @Test
    void everyRegionHasItsOfficialNamesInOneRecord() {
        Map<String, Region> regions = Seed.regions().stream().collect(Collectors.toMap(Region::id, Function.identity()));
        assertEquals("华东1（杭州）", regions.get("cn-hangzhou").chineseName());
        assertEquals("China (Hangzhou)", regions.get("cn-hangzhou").englishName());
        assertEquals("华东2（上海）", regions.get("cn-shanghai").chineseName());
        assertEquals("华东5（南京-本地地域）", regions.get(Seed.NO_COPY_REGION).chineseName());
        assertEquals("China (Nanjing - Local Region)", regions.get(Seed.NO_COPY_REGION).englishName());
        assertEquals("新加坡", regions.get("ap-southeast-1").chineseName());
        assertEquals("Singapore", regions.get("ap-southeast-1").englishName());
        assertEquals("美国（弗吉尼亚）", regions.get("us-east-1").chineseName());
        assertEquals("US (Virginia)", regions.get("us-east-1").englishName());
        assertEquals("中国香港", regions.get("cn-hongkong").chineseName());
        for (Region r : Seed.regions()) {
            assertTrue(r.chineseName().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), r.id() + ": " + r.chineseName());
            assertTrue(r.chineseName().matches("[^()]+"), r.id() + ": full-width parentheses, as the service writes them");
            assertTrue(r.englishName().matches("[A-Z][A-Za-z ]+( \\([A-Za-z -]+\\))?"), r.id() + ": " + r.englishName());
            assertEquals(r.id().equals("cn-hangzhou") ? "ecs-cn-hangzhou.aliyuncs.com" : "ecs." + r.id() + ".aliyuncs.com",
                    r.host());
        }
        assertEquals(Set.of(Seed.SOLD_OUT_REGION), Seed.regions().stream().filter(Region::soldOut).map(Region::id)
                .collect(Collectors.toSet()));
    }

    @Test
    void accountsExistWhenTheyHaveSixteenDigitsAndAreNotListedAsUnknown() {
        assertTrue(Seed.accountExists(Seed.ACCOUNT_ID));
        assertTrue(Seed.accountExists(Seed.OTHER_ACCOUNT_ID));
        assertTrue(Seed.accountExists("1000000000000001"));
        for (String unknown : Seed.UNKNOWN_ACCOUNTS) {
            assertEquals(false, Seed.accountExists(unknown), unknown);
        }
        for (String malformed : List.of("123456789012345", "12345678901234567", "0123456789012345", "12345678901234a6",
                "")) {
            assertEquals(false, Seed.accountExists(malformed), malformed);
        }
    }
}
