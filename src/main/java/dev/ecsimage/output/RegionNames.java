package dev.ecsimage.output;

import java.util.Map;

/**
 * The Chinese names of the regions ({@code cn-hangzhou} → {@code 华东1（杭州）}), from the table the
 * build writes out of the sandbox's region catalogue ({@code sandbox/RegionNameTable}): no call to
 * DescribeRegions at run time. Read on first use, which only a Chinese run makes.
 */
public final class RegionNames {
    static final String RESOURCE = "/dev/ecsimage/output/region-names_zh.properties";

    private RegionNames() {}

    /** The region's Chinese name, or null for a region the table does not know. */
    public static String chinese(String regionId) {
        return Table.NAMES.get(regionId);
    }

    /** Every region id and its Chinese name. */
    public static Map<String, String> all() {
        return Table.NAMES;
    }

    /** Loaded when first asked for (the holder idiom), never by an English run. */
    private static final class Table {
        static final Map<String, String> NAMES = TextResource.load(RESOURCE);
    }
}
