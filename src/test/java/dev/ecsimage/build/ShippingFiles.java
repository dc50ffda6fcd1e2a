package dev.ecsimage.build;

import dev.ecsimage.cli.CompletionCommand;
import dev.ecsimage.cli.Context;
import dev.ecsimage.cli.EcsImageCommand;
import dev.ecsimage.output.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine;

/**
 * Build step ({@code mvn package}, through exec-maven-plugin): writes the files generated from the
 * command model into a folder: {@code completion/ecs-image.bash}, {@code man/ecs-image.1} and the
 * Chinese page {@code man/ecs-image.zh_CN.1}. Arguments: the output folder and the version.
 */
public final class ShippingFiles {
    private ShippingFiles() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        CommandLine root = EcsImageCommand.commandLine(Context.system());
        write(out.resolve("completion/ecs-image.bash"), CompletionCommand.script(root));
        write(out.resolve("man/ecs-image.1"), new ManPage(root).render(args[1], LocalDate.now()));
        write(out.resolve("man/ecs-image.zh_CN.1"), new ManPage(EcsImageCommand.commandLine(Context.system()),
                Language.zh).render(args[1], LocalDate.now()));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
