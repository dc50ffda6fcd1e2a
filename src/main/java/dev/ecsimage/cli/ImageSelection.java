package dev.ecsimage.cli;

import dev.ecsimage.copyset.Copy;
import dev.ecsimage.copyset.CopySet;
import dev.ecsimage.copyset.CopySetJson;
import dev.ecsimage.output.Messages;
import dev.ecsimage.output.Sentence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which images {@code status} and {@code cancel} act on: {@code -i} items (plain ids of --region,
 * or {@code REGION:IMAGE_ID}), or {@code --from FILE}, the copy set that {@code copy -o json}
 * printed (its copies that have an image id).
 */
final class ImageSelection {
    /** A copy set document is a few KiB; this much is something else (and /dev/zero never ends). */
    static final int MAX_FROM_BYTES = 16 * 1024 * 1024;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-i", "--image-id"}, split = ",", paramLabel = "[REGION:]IMAGE_ID",
            description = "Images, comma-separated or repeated: IMAGE_ID (in --region) or REGION:IMAGE_ID "
                    + "(e.g. cn-shanghai:m-uf6xxxx, the region where the copy lives).")
    List<String> items;

    @Option(names = "--from", paramLabel = "FILE",
            description = "Every copy with an image id in FILE, the JSON that 'copy -o json' printed ('-': stdin).")
    String from;

    private Messages text;

    /** What was selected: the images in the given order, and the copy set when they came from --from. */
    record Selected(List<ImageRef> refs, CopySet copySet) {}

    Selected resolve(EcsImageCommand root) {
        text = root.text();
        if (items != null && from != null) {
            throw usage("usage.image-id-and-from");
        }
        if (from != null) {
            CopySet set = read(from);
            List<ImageRef> refs = set.copies().stream().filter(c -> c.imageId() != null)
                    .map(c -> new ImageRef(c.region(), c.imageId())).toList();
            if (refs.isEmpty()) {
                throw usage("usage.from.no-image-id", from);
            }
            return new Selected(refs, set);
        }
        if (items == null) {
            throw usage("usage.images-required");
        }
        if (items.isEmpty() || items.stream().anyMatch(String::isBlank)) {
            throw usage("usage.image-id.empty-item");
        }
        String region = items.stream().allMatch(i -> i.contains(":")) ? null : ClientFactory.defaultRegion(root);
        LinkedHashSet<ImageRef> refs = new LinkedHashSet<>();
        for (String item : items) {
            try {
                refs.add(ImageRef.parse(item, region));
            } catch (InvalidValue e) {
                throw new ParameterException(mixee.commandLine(), e.in(text));
            }
        }
        return new Selected(new ArrayList<>(refs), null);
    }

    /** The copy set in {@code file}; a usage error (exit 2) with the reason when it cannot be read or is not one. */
    private CopySet read(String file) {
        String json;
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            byte[] bytes = in.readNBytes(MAX_FROM_BYTES + 1);
            if (bytes.length > MAX_FROM_BYTES) {
                throw usage("usage.from.too-long", file, MAX_FROM_BYTES / (1024 * 1024));
            }
            json = new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw usage("usage.from.no-such-file", file);
        } catch (AccessDeniedException e) {
            throw usage("usage.from.permission-denied", file);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw usage("usage.from.unreadable", file, e.getMessage());
        }
        try {
            return CopySetJson.read(json);
        } catch (CopySetJson.NotACopySet e) {
            throw usage("usage.from.not-a-copy-set", file, new Sentence(e.key(), e.args()));
        }
    }

    private ParameterException usage(String key, Object... args) {
        return new ParameterException(mixee.commandLine(), text.get(key, args));
    }

    /** The copies of a --from set that have no image id: nothing to act on, said on stderr. */
    static List<Copy> withoutImage(CopySet set) {
        return set.copies().stream().filter(c -> c.imageId() == null).toList();
    }
}
