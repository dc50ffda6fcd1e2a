package dev.ecsimage.cli;

import dev.ecsimage.output.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The language of the help. English help is written where options are defined, in the command
 * annotations (and, for what the annotations cannot hold, in {@link UsageHelp}, {@link Examples},
 * {@code ExitStatus}). Chinese help is one picocli resource bundle, {@value #BUNDLE}: picocli's own
 * keys for descriptions ({@code ecs-image.copy.usage.description}, {@code ecs-image.copy.to}), and
 * {@code UsageHelp}'s keys for headings, exit statuses and examples. It is attached to the command
 * model only when Chinese help is shown, so an English run never reads it; it works the same
 * whether picocli built the model from annotations or from code. {@code HelpBundleTest} walks the
 * model to check that every text has a Chinese entry and that the bundle has no other.
 */
public final class HelpLanguage {
    static final String BUNDLE = "/dev/ecsimage/cli/help_zh.properties";

    private HelpLanguage() {}

    /** Whether this run shows help: {@code --help} on any command, or the {@code help} command. */
    static boolean helpRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.commandSpec().helpCommand()) {
                return true;
            }
        }
        return false;
    }

    /** Makes every help text under {@code root} the {@code language}'s; English is how the model is built. */
    public static void apply(CommandLine root, Language language) {
        if (language == Language.zh) {
            attach(root, bundle());
            UsageHelp.apply(root);
        }
    }

    private static void attach(CommandLine cmd, ResourceBundle bundle) {
        cmd.getCommandSpec().resourceBundle(bundle);
        cmd.getSubcommands().values().forEach(sub -> attach(sub, bundle));
    }

    /** The language {@code spec}'s help is shown in. */
    public static Language of(CommandSpec spec) {
        return spec.resourceBundle() != null ? Language.zh : Language.en;
    }

    /** A help text that is not picocli's: from the attached bundle, else the English given. */
    static String text(CommandSpec spec, String key, String english) {
        ResourceBundle bundle = spec.resourceBundle();
        return bundle != null && bundle.containsKey(key) ? bundle.getString(key) : english;
    }

    /** The Chinese help, read as UTF-8. */
    public static ResourceBundle bundle() {
        try (InputStream in = HelpLanguage.class.getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + " is missing from the jar");
            }
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
