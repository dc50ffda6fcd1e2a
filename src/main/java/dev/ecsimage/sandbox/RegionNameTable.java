package dev.ecsimage.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step ({@code process-classes}, through exec-maven-plugin): writes the Chinese names of the
 * regions, from the sandbox's catalogue ({@link Seed#regions()}, the one place they are written),
 * into the table the command line shows them from ({@code output/RegionNames}), so a Chinese run
 * names regions without asking DescribeRegions. Argument: the classes folder.
 */
public final class RegionNameTable {
    /** Where the table goes, under the classes folder; {@code output/RegionNames} reads it. */
    public static final String PATH = "dev/ecsimage/output/region-names_zh.properties";

    private RegionNameTable() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]).resolve(PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text(), StandardCharsets.UTF_8);
    }

    /** The table: one {@code id=name} line per region, in the catalogue's order. */
    static String text() {
        StringBuilder t = new StringBuilder("# Written at build time by sandbox/RegionNameTable from Seed.regions().\n");
        for (Region r : Seed.regions()) {
            t.append(r.id()).append('=').append(r.chineseName()).append('\n');
        }
        return t.toString();
    }
}
