package dev.ecsimage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.output.Messages;
import dev.ecsimage.output.TextResource;
import dev.ecsimage.output.TextWidth;
import dev.ecsimage.sandbox.KmsKey;
import dev.ecsimage.sandbox.Region;
import dev.ecsimage.sandbox.Seed;
import dev.ecsimage.sandbox.SeedImage;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's seeded account as a person reads it (a table under {@code sandbox --help}, in the
 * banner of {@code sandbox serve}, from {@code sandbox images}) and as a script reads it
 * ({@code sandbox images -o json}). The scenarios are written in English in {@link Seed}, the
 * source; their Chinese lives in {@value #SCENARIOS_ZH}, keyed by what plays them (an image, KMS
 * key or region id, an error code), and a test checks that both cover the same entries. The JSON
 * stays English in every language.
 */
final class SeedTable {
    static final String SCENARIOS_ZH = "/dev/ecsimage/sandbox/scenarios_zh.properties";
    private static final int[] IMAGE_COLUMNS = {22, 14, 18, 12, 5};

    private SeedTable() {}

    /** Seeded images, KMS keys, special regions and parameter-triggered errors, as a text table. */
    static String text(Messages text) {
        Map<String, String> chinese = text.chinese() ? TextResource.load(SCENARIOS_ZH) : Map.of();
        String nl = System.lineSeparator();
        StringBuilder t = new StringBuilder(text.get("seed.images")).append(nl);
        t.append(row(IMAGE_COLUMNS, text.get("seed.column.image-id"), text.get("seed.column.region"),
                text.get("seed.column.name"), text.get("seed.column.status"), "  GiB", text.get("seed.column.scenario")));
        for (SeedImage i : Seed.images()) {
            t.append(row(IMAGE_COLUMNS, i.id(), i.region(), i.name(), i.status(), String.format("%5d", i.sizeGiB()),
                    chinese.getOrDefault(imageKey(i), i.scenario())));
        }
        t.append(nl).append(text.get("seed.kms-keys")).append(nl);
        for (KmsKey k : Seed.kmsKeys()) {
            t.append(row(new int[] {36}, k.id(), chinese.getOrDefault(kmsKey(k), k.scenario())));
        }
        List<Region> regions = Seed.regions();
        t.append(nl).append(text.get("seed.regions", regions.size(),
                text.list(regions.stream().map(Region::id).toList()))).append(nl);
        for (Region r : regions) {
            if (r.scenario() != null) {
                t.append(row(new int[] {14}, r.id(), chinese.getOrDefault(regionKey(r), r.scenario())));
            }
        }
        t.append(nl).append(text.get("seed.requests")).append(nl);
        Seed.requestScenarios().forEach((input, code) ->
                t.append(row(new int[] {78}, chinese.getOrDefault(requestKey(code), input), code)));
        return t.toString();
    }

    static String imageKey(SeedImage image) {
        return "image." + image.id();
    }

    static String kmsKey(KmsKey key) {
        return "kms." + key.id();
    }

    static String regionKey(Region region) {
        return "region." + region.id();
    }

    /** Each request scenario answers its own code, so the code names it ({@code SeedTableTest} checks they differ). */
    static String requestKey(String code) {
        return "request." + code.replace(" ", "");
    }

    /** One indented table row: each cell but the last padded to its width in columns, two spaces apart. */
    private static String row(int[] widths, String... cells) {
        StringBuilder line = new StringBuilder(" ");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ').append(i < widths.length ? TextWidth.pad(cells[i], widths[i]) + " " : cells[i]);
        }
        return line.append(System.lineSeparator()).toString();
    }

    /** The same catalogue as one JSON document, in English whatever the language. */
    static ObjectNode json() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        ArrayNode images = doc.putArray("images");
        for (SeedImage i : Seed.images()) {
            images.addObject().put("imageId", i.id()).put("region", i.region()).put("name", i.name())
                    .put("status", i.status()).put("sizeGiB", i.sizeGiB()).put("scenario", i.scenario());
        }
        ArrayNode keys = doc.putArray("kmsKeys");
        Seed.kmsKeys().forEach(k -> keys.addObject().put("kmsKeyId", k.id()).put("scenario", k.scenario()));
        ArrayNode regions = doc.putArray("regions");
        Seed.regions().forEach(r -> regions.addObject().put("regionId", r.id()).put("scenario", r.scenario()));
        ObjectNode requests = doc.putObject("requestScenarios");
        Seed.requestScenarios().forEach(requests::put);
        return doc;
    }
}
