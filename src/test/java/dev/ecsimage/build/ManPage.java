package dev.ecsimage.build;

import dev.ecsimage.cli.Examples;
import dev.ecsimage.cli.UsageHelp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The {@code ecs-image.1} man page in troff ({@code man(7)} macros), written from the picocli
 * command model: every command, its own options and parameters, the global options once, the
 * exit-status table, the environment variables, the files and the examples. One page for the whole tool.
 */
public final class ManPage {
    private final CommandLine root;
    private final StringBuilder out = new StringBuilder();

    public ManPage(CommandLine root) {
        this.root = root;
    }

    /** The page, for the version and date given. */
    public String render(String version, LocalDate date) {
        CommandSpec spec = root.getCommandSpec();
        String name = spec.name();
        line(".TH " + name.toUpperCase(java.util.Locale.ROOT) + " 1 \"" + date + "\" \""
                + name + " " + version + "\" \"User Commands\"");
        // Left-aligned and never hyphenated: the page is full of names such as ALIBABA_CLOUD_REGION_ID.
        line(".nh");
        line(".ad l");
        line(".SH NAME");
        text(name + " \\- " + prose(spec.usageMessage().description()));
        line(".SH SYNOPSIS");
        line(".B " + name);
        text("[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fICOMMAND OPTIONS\\fR]");
        line(".SH OPTIONS");
        text("These options are valid before or after the command.");
        options(spec);
        line(".SH COMMANDS");
        commands(spec, name);
        line(".SH EXIT STATUS");
        for (Map.Entry<String, String> e : spec.usageMessage().exitCodeList().entrySet()) {
            line(".TP");
            line(".B " + e.getKey().trim());
            text(prose(e.getValue()));
        }
        environment();
        files();
        examples(spec);
        line(".SH SEE ALSO");
        text("Run \\fB" + name + " COMMAND \\-\\-help\\fR for a command's usage.");
        return out.toString();
    }

    private void commands(CommandSpec parent, String path) {
        for (CommandLine sub : parent.subcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.usageMessage().hidden()) {
                continue;
            }
            String full = path + " " + spec.name();
            line(".SS \"" + full + "\"");
            line(".B " + escape(UsageHelp.synopsis(spec)));
            line(".PP");
            text(prose(spec.usageMessage().description()));
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    line(".TP");
                    line(".I " + escape(p.paramLabel()));
                    text(prose(p.description()));
                }
            }
            options(spec);
            commands(spec, full);
        }
    }

    /** Every variable ecs-image reads, from {@link EnvironmentVariables}. */
    private void environment() {
        line(".SH ENVIRONMENT");
        for (EnvironmentVariables.Entry e : EnvironmentVariables.ALL) {
            line(".TP");
            line(".B " + escape(String.join(", ", e.names())));
            text(prose(e.meaning()));
        }
    }

    private void files() {
        line(".SH FILES");
        file("~/.aliyun/config.json", "The aliyun CLI's profiles (as written by aliyun configure); read, never written.");
        file("~/.alibabacloud/credentials", "Credentials profiles in INI form, as the Alibaba Cloud SDKs read them "
                + "(ALIBABA_CLOUD_CREDENTIALS_FILE names another file).");
        file("ecs-image.jsa, ecs-image.aot", "The start-up archive beside ecs-image.jar (class data for Java 17 to 24, "
                + "an AOT cache for Java 25 and later), with ARCHIVE.id naming the Java that made it. Made at install "
                + "time or by ECS_IMAGE_CDS_CREATE=1 ecs-image; a missing or foreign archive is ignored.");
    }

    private void file(String name, String meaning) {
        line(".TP");
        line(".I " + escape(name));
        text(prose(meaning));
    }

    /** The examples of every command, as its --help shows them. */
    private void examples(CommandSpec root) {
        line(".SH EXAMPLES");
        for (CommandLine sub : allCommands(root)) {
            for (Examples.Example e : Examples.of(UsageHelp.path(sub.getCommandSpec()))) {
                line(".PP");
                text(prose(e.what() + ":"));
                line(".RS");
                line(".nf");
                line(".B " + escape(e.command()));
                line(".fi");
                line(".RE");
            }
        }
    }

    private static List<CommandLine> allCommands(CommandSpec parent) {
        List<CommandLine> all = new java.util.ArrayList<>();
        for (CommandLine sub : parent.subcommands().values()) {
            all.add(sub);
            all.addAll(allCommands(sub.getCommandSpec()));
        }
        return all;
    }

    /** The command's own options: inherited global ones are documented once, under OPTIONS. */
    private void options(CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || o.inherited()) {
                continue;
            }
            line(".TP");
            StringBuilder head = new StringBuilder(".BR ");
            List<String> names = List.of(o.names());
            head.append('"').append(escape(String.join(", ", names))).append('"');
            if (o.arity().max() > 0) {
                head.append(" \" \\fI").append(escape(o.paramLabel())).append("\\fR\"");
            }
            line(head.toString());
            text(prose(UsageHelp.description(spec, o)));
        }
    }

    /** Lines of text; a line break in the help text stays a line break on the page. */
    private void text(String s) {
        String sep = "";
        for (String para : s.replace("%n", "\n").split("\n")) {
            String t = para.strip();
            if (!t.isEmpty()) {
                out.append(sep);
                line(t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t);
                sep = ".br\n";
            }
        }
    }

    /** Help text as troff: backslashes escaped, picocli's line breaks kept. */
    private static String prose(String... lines) {
        return String.join("\n", lines).replace("\\", "\\e");
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    /** Backslashes and hyphens as troff wants them in option names and labels. */
    static String escape(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }
}
