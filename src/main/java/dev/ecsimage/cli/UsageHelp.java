package dev.ecsimage.cli;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.output.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How {@code --help} reads. {@code ecs-image --help} lists the commands, the global options and
 * the exit statuses. A command's help lists only its own options, then a few examples and one
 * line saying where the rest is: the global options are inherited by every command (so they work
 * before or after it) but are told once, not repeated under each command.
 */
public final class UsageHelp {
    static final String SECTION_EXAMPLES = "examples";
    static final String SECTION_GLOBAL = "global";
    static final String GLOBAL_POINTER = "Global options (-r, -p, -o, -q, ...) and exit statuses: 'ecs-image --help'.";
    /** The help texts written here, by their key in the Chinese help bundle ({@link HelpLanguage}). */
    static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("heading.usage", "Usage: "),
            Map.entry("synopsis.root", "ecs-image [GLOBAL OPTIONS] COMMAND [OPTIONS]"),
            Map.entry("synopsis.command", "COMMAND"),
            Map.entry("synopsis.options", "[OPTIONS]"),
            Map.entry("heading.commands", "%nCommands:%n"),
            Map.entry("heading.global-options", "%nGlobal options (before or after the command):%n"),
            Map.entry("heading.options", "%nOptions:%n"),
            Map.entry("heading.exit-statuses", "%nExit statuses:%n"),
            Map.entry("heading.examples", "%nExamples:%n"),
            Map.entry("footer.root", "%nRun 'ecs-image COMMAND --help' for a command's options and examples."),
            Map.entry("pointer.global", GLOBAL_POINTER));

    private UsageHelp() {}

    /** The key of an exit status's meaning in the Chinese help bundle: {@code exit.12}. */
    static String exitKey(ExitStatus status) {
        return "exit." + status.code;
    }

    /** The help text {@code key} of {@link #ENGLISH} in the language of {@code spec}'s help. */
    static String text(CommandSpec spec, String key) {
        return HelpLanguage.text(spec, key, ENGLISH.get(key));
    }

    /**
     * Lays out the help of {@code root} and of every command under it, in the language of its help
     * ({@link HelpLanguage#apply} applies it again when that changes).
     */
    static void apply(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        UsageMessageSpec usage = spec.usageMessage();
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (ExitStatus s : ExitStatus.values()) {
            exitCodes.put(rightAligned(s.code), HelpLanguage.of(spec) == Language.en ? s.meaning
                    : HelpLanguage.text(spec, exitKey(s), s.meaning));
        }
        usage.synopsisHeading(text(spec, "heading.usage"))
                .customSynopsis(text(spec, "synopsis.root"))
                .commandListHeading(text(spec, "heading.commands"))
                .optionListHeading(text(spec, "heading.global-options"))
                .exitCodeListHeading(text(spec, "heading.exit-statuses"))
                .exitCodeList(exitCodes)
                .footer(text(spec, "footer.root"))
                .sectionKeys(List.of(UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING, UsageMessageSpec.SECTION_KEY_SYNOPSIS,
                        UsageMessageSpec.SECTION_KEY_DESCRIPTION_HEADING, UsageMessageSpec.SECTION_KEY_DESCRIPTION,
                        UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                        UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                        UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING, UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST,
                        UsageMessageSpec.SECTION_KEY_FOOTER_HEADING, UsageMessageSpec.SECTION_KEY_FOOTER));
        root.getSubcommands().values().forEach(UsageHelp::command);
    }

    /**
     * {@code "  5"}: an exit status right-aligned in three columns, as the exit-status list shows it
     * (not {@code String.format}, whose start-up every run would pay: this runs before any parse).
     */
    static String rightAligned(int code) {
        String digits = Integer.toString(code);
        return "   ".substring(Math.min(3, digits.length())) + digits;
    }

    private static void command(CommandLine cmd) {
        CommandSpec spec = cmd.getCommandSpec();
        UsageMessageSpec usage = spec.usageMessage();
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(usage.sectionMap());
        sections.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, help -> synopsis(help.commandSpec()) + String.format("%n"));
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> ownOptions(help.commandSpec()).isEmpty()
                ? "" : String.format(text(help.commandSpec(), "heading.options")));
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, UsageHelp::ownOptions);
        sections.put(SECTION_EXAMPLES, help -> examples(help.commandSpec()));
        sections.put(SECTION_GLOBAL, help -> String.format("%n%s%n", text(help.commandSpec(), "pointer.global")));
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        for (String section : List.of(SECTION_EXAMPLES, SECTION_GLOBAL)) {
            if (!keys.contains(section)) {
                keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), section);
            }
        }
        usage.sectionMap(sections).sectionKeys(keys).synopsisHeading(text(spec, "heading.usage"))
                .commandListHeading(text(spec, "heading.commands"));
        cmd.getSubcommands().values().forEach(UsageHelp::command);
    }

    /** The command's name under ecs-image, e.g. {@code sandbox serve}. */
    public static String path(CommandSpec spec) {
        return spec.qualifiedName(" ").substring(spec.root().name().length()).strip();
    }

    /**
     * {@code ecs-image copy -i IMAGE_ID -t REGION[,REGION...] [OPTIONS]}: the required options, then
     * the others as one word, then the parameters.
     */
    public static String synopsis(CommandSpec spec) {
        StringBuilder line = new StringBuilder(spec.qualifiedName(" "));
        boolean optional = false;
        for (OptionSpec o : ownOptions(spec)) {
            if (o.required()) {
                line.append(' ').append(o.shortestName()).append(' ').append(label(o));
            } else {
                optional = true;
            }
        }
        if (!spec.subcommands().isEmpty()) {
            line.append(' ').append(text(spec, "synopsis.command"));
        }
        if (optional) {
            line.append(' ').append(text(spec, "synopsis.options"));
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                String name = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
                line.append(' ').append(p.arity().min() == 0 ? "[" + name + "]" : name);
            }
        }
        return line.toString();
    }

    /** {@code REGION[,REGION...]} for an option split on commas, else the label. */
    private static String label(OptionSpec o) {
        String split = o.splitRegexSynopsisLabel().isEmpty() ? o.splitRegex() : o.splitRegexSynopsisLabel();
        return split.isEmpty() ? o.paramLabel() : o.paramLabel() + "[" + split + o.paramLabel() + "...]";
    }

    /**
     * The options a command declares itself, in their order. The inherited global ones are left
     * out, and so are {@code --help} and {@code --version}, which the pointer to the tool's help covers.
     */
    static List<OptionSpec> ownOptions(CommandSpec spec) {
        return spec.options().stream()
                .filter(o -> !o.inherited() && !o.hidden() && !o.usageHelp() && !o.versionHelp()).toList();
    }

    private static String ownOptions(Help help) {
        CommandSpec spec = help.commandSpec();
        List<OptionSpec> options = ownOptions(spec).stream()
                .map(o -> description(spec, o) == o.description() ? o
                        : OptionSpec.builder(o).description(description(spec, o)).build())
                .toList();
        if (options.isEmpty()) {
            return "";
        }
        return help.optionListExcludingGroups(options,
                help.createDefaultLayout(options, List.of(), help.colorScheme()),
                help.createDefaultOptionSort(), help.parameterLabelRenderer());
    }

    /**
     * What an option does in this command: shared options may mean something particular here (in
     * Chinese, the bundle has the text for each command).
     */
    public static String[] description(CommandSpec spec, OptionSpec option) {
        String timeout = option.longestName().equals("--timeout") && HelpLanguage.of(spec) == Language.en
                ? WaitTiming.timeoutHelp(spec.name()) : null;
        return timeout != null ? new String[] {timeout} : option.description();
    }

    private static String examples(CommandSpec spec) {
        List<Examples.Example> examples = Examples.of(spec);
        if (examples.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.format(text(spec, "heading.examples")));
        for (Examples.Example e : examples) {
            text.append(String.format("  # %s%n  %s%n", e.what(), e.command()));
        }
        return text.toString();
    }
}
