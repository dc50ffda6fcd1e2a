package dev.ecsimage.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The examples under each command's --help and in the man page's EXAMPLES: what people type
 * most. A test parses every one, and keeps each line within 80 columns.
 */
public final class Examples {
    /** One example: what it does, and the command line. */
    public record Example(String what, String command) {}

    private static final Map<String, List<Example>> BY_COMMAND = Map.of(
            "copy", List.of(
                    new Example("Copy to two regions and follow both copies to the end",
                            "ecs-image copy -i m-bp1xxxx -r cn-hangzhou -t cn-shanghai,cn-beijing -n web-v2"),
                    new Example("Start the copy and return at once; stdout gets only the new id",
                            "ecs-image copy -i m-bp1xxxx -r cn-hangzhou -t cn-shanghai --no-wait -q"),
                    new Example("In a script: the result as JSON, stop waiting after 2 hours (exit 12)",
                            "ecs-image copy -i m-bp1xxxx -r cn-hangzhou -t cn-shanghai -o json --timeout 2h"),
                    new Example("To every region the account can use; stdout is the set for --from",
                            "ecs-image copy -i m-bp1xxxx -r cn-hangzhou -t all -o json"),
                    new Example("Share the copy with another account once it is Available",
                            "ecs-image copy -i m-bp1xxxx -t cn-beijing --share-with 1234567890123456")),
            "status", List.of(
                    new Example("Where a copy stands (exit 12 while it runs)",
                            "ecs-image status -i m-uf6xxxx -r cn-shanghai"),
                    new Example("Follow two copies until both end, for at most 30 minutes",
                            "ecs-image status -i m-uf6xxxx,m-uf6yyyy -r cn-shanghai --wait --timeout 30m"),
                    new Example("Copies in two regions: REGION:IMAGE_ID",
                            "ecs-image status -i cn-shanghai:m-uf6xxxx,cn-beijing:m-2zexxxx --wait"),
                    new Example("Every copy of the set that 'copy -o json' wrote",
                            "ecs-image status --from copies.json --wait"),
                    new Example("Whom an image is shared with, and what it was copied from",
                            "ecs-image status -i cn-shanghai:m-uf6xxxx --shares")),
            "cancel", List.of(
                    new Example("Cancel a copy (--region is the copy's region, the destination)",
                            "ecs-image cancel -i m-uf6xxxx -r cn-shanghai"),
                    new Example("Cancel it and wait until it is gone",
                            "ecs-image cancel -i m-uf6xxxx -r cn-shanghai --wait"),
                    new Example("Cancel every copy of the set that 'copy -o json' wrote",
                            "ecs-image cancel --from copies.json")),
            "sandbox", List.of(
                    new Example("Try a copy without an account or a network",
                            "ecs-image --sandbox copy -i m-bp1ujzde8gxd6ncf10ep -r cn-hangzhou -t us-east-1"),
                    new Example("Serve the sandbox on a port, throttling the first two requests",
                            "ecs-image sandbox serve --port 8800 --throttle 2")),
            "sandbox serve", List.of(
                    new Example("Serve on port 8800; answer the first three requests with HTTP 503",
                            "ecs-image sandbox serve --port 8800 --server-errors 3")));

    private Examples() {}

    /** The examples of a command by its name under ecs-image (e.g. {@code sandbox serve}); none for most. */
    public static List<Example> of(String command) {
        return BY_COMMAND.getOrDefault(command, List.of());
    }

    /** The examples of a command, in the language of its help. */
    public static List<Example> of(CommandSpec spec) {
        String command = UsageHelp.path(spec);
        List<Example> english = of(command);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < english.size(); i++) {
            Example e = english.get(i);
            examples.add(new Example(HelpLanguage.text(spec, key(command, i), e.what()), e.command()));
        }
        return examples;
    }

    /** The key of an example's text in the Chinese help bundle: {@code example.sandbox.serve.0}. */
    static String key(String command, int index) {
        return "example." + command.replace(' ', '.') + "." + index;
    }
}
