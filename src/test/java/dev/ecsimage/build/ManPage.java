package dev.ecsimage.build;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The {@code ecs-image.1} man page in troff ({@code man(7)} macros), written from the picocli
 * command model: every command, its own options and parameters, the global options once, and the
 * exit-status table. One page for the whole tool.
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
            line(".B " + escape(synopsis(spec, full)));
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

    /** {@code ecs-image copy [OPTIONS] PARAM...}: the command, then its positional parameters. */
    private static String synopsis(CommandSpec spec, String fullName) {
        StringBuilder line = new StringBuilder(fullName).append(" [OPTIONS]");
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                line.append(' ').append(p.paramLabel()).append(p.arity().max() > 1 ? "..." : "");
            }
        }
        return line.toString();
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
            text(prose(o.description()));
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
