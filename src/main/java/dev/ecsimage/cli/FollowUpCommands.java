package dev.ecsimage.cli;

import dev.ecsimage.output.ShellWords;
import dev.ecsimage.transport.SignatureVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands stderr suggests when a run ends with copies still running or unaccounted for, as
 * lines that work when pasted into a shell: {@code ecs-image}, every global option given that
 * changes where or how calls go (--profile, --endpoint, --network, --signature-version), then the
 * command with region-qualified ids.
 */
final class FollowUpCommands {
    private final EcsImageCommand root;

    FollowUpCommands(EcsImageCommand root) {
        this.root = root;
    }

    /** {@code ecs-image status --wait -i cn-shanghai:m-a,cn-beijing:m-b}, with the options. */
    String follow(List<ImageRef> images) {
        return line(List.of("status", "--wait", "-i", qualified(images)));
    }

    /** {@code ecs-image cancel -i cn-shanghai:m-a,cn-beijing:m-b}, with the options. */
    String cancel(List<ImageRef> images) {
        return line(List.of("cancel", "-i", qualified(images)));
    }

    /** {@code ecs-image} with the options, then {@code args} (quoted where needed). */
    String line(List<String> args) {
        List<String> words = new ArrayList<>(List.of("ecs-image"));
        if (root.profile != null) {
            words.addAll(List.of("--profile", root.profile));
        }
        if (root.endpoint != null) {
            words.addAll(List.of("--endpoint", root.endpoint));
        }
        if (root.network != EcsImageCommand.Network.PUBLIC) {
            words.addAll(List.of("--network", root.network.toString()));
        }
        if (root.signatureVersion != SignatureVersion.v3) {
            words.addAll(List.of("--signature-version", root.signatureVersion.name()));
        }
        words.addAll(args);
        return ShellWords.join(words);
    }

    private static String qualified(List<ImageRef> images) {
        return String.join(",", images.stream().map(ImageRef::qualified).toList());
    }
}
