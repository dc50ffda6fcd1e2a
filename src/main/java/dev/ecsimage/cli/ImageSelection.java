package dev.ecsimage.cli;

import dev.ecsimage.copyset.Copy;
import dev.ecsimage.copyset.CopySet;
import dev.ecsimage.copyset.CopySetJson;
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

    /** What was selected: the images in the given order, and the copy set when they came from --from. */
    record Selected(List<ImageRef> refs, CopySet copySet) {}

    Selected resolve(EcsImageCommand root) {
        if (items != null && from != null) {
            throw usage("--image-id and --from cannot be combined: give one of them");
        }
        if (from != null) {
            CopySet set = read(from);
            List<ImageRef> refs = set.copies().stream().filter(c -> c.imageId() != null)
                    .map(c -> new ImageRef(c.region(), c.imageId())).toList();
            if (refs.isEmpty()) {
                throw usage("--from " + from + ": no copy in it has an image id (nothing to act on)");
            }
            return new Selected(refs, set);
        }
        if (items == null) {
            throw usage("give the images: --image-id (-i) IMAGE_ID or REGION:IMAGE_ID, or --from FILE");
        }
        if (items.isEmpty() || items.stream().anyMatch(String::isBlank)) {
            throw usage("--image-id: an empty item: give IMAGE_ID or REGION:IMAGE_ID, separated by commas");
        }
        String region = items.stream().allMatch(i -> i.contains(":")) ? null : ClientFactory.defaultRegion(root);
        LinkedHashSet<ImageRef> refs = new LinkedHashSet<>();
        for (String item : items) {
            try {
                refs.add(ImageRef.parse(item, region));
            } catch (IllegalArgumentException e) {
                throw usage("--image-id " + e.getMessage());
            }
        }
        return new Selected(new ArrayList<>(refs), null);
    }

    private CopySet read(String file) {
        String text;
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            byte[] bytes = in.readNBytes(MAX_FROM_BYTES + 1);
            if (bytes.length > MAX_FROM_BYTES) {
                throw usage("--from " + file + ": longer than " + MAX_FROM_BYTES / (1024 * 1024)
                        + " MiB: not a copy set (the JSON that 'copy -o json' prints)");
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw usage("--from " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw usage("--from " + file + ": permission denied");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw usage("--from " + file + ": cannot read it: " + e.getMessage());
        }
        try {
            return CopySetJson.read(text);
        } catch (CopySetJson.NotACopySet e) {
            throw usage("--from " + file + " is not a copy set (the JSON that 'copy -o json' prints): "
                    + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }

    /** The copies of a --from set that have no image id: nothing to act on, said on stderr. */
    static List<Copy> withoutImage(CopySet set) {
        return set.copies().stream().filter(c -> c.imageId() == null).toList();
    }
}
