package dev.ecsimage.build;

import dev.ecsimage.cli.Examples;
import dev.ecsimage.cli.HelpLanguage;
import dev.ecsimage.cli.UsageHelp;
import dev.ecsimage.output.Language;
import dev.ecsimage.output.TextWidth;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The man page in troff ({@code man(7)} macros), written from the picocli command model: every
 * command, its own options and parameters, the global options once, the exit-status table, the
 * environment variables, the files and the examples. One page for the whole tool, in English
 * ({@code ecs-image.1}) or in Chinese ({@code ecs-image.zh_CN.1}, from the same model with the
 * Chinese help attached, see {@code cli/HelpLanguage}).
 */
public final class ManPage {
    /** The words of the page that are not help text. */
    record Words(String manual, String name, String synopsis, String synopsisLine, String options, String optionsNote,
                 String commands, String exitStatus, String environment, String files, String examples,
                 String seeAlso, String seeAlsoLine, List<String[]> fileList) {}

    static final Words ENGLISH = new Words("User Commands", "NAME", "SYNOPSIS",
            "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fICOMMAND OPTIONS\\fR]", "OPTIONS",
            "These options are valid before or after the command.", "COMMANDS", "EXIT STATUS", "ENVIRONMENT",
            "FILES", "EXAMPLES", "SEE ALSO", "Run \\fB%s COMMAND \\-\\-help\\fR for a command's usage.", List.of(
                    new String[] {"~/.aliyun/config.json",
                            "The aliyun CLI's profiles (as written by aliyun configure); read, never written."},
                    new String[] {"~/.alibabacloud/credentials", "Credentials profiles in INI form, as the Alibaba "
                            + "Cloud SDKs read them (ALIBABA_CLOUD_CREDENTIALS_FILE names another file)."},
                    new String[] {"ARCHIVES/JAVA.jsa, ARCHIVES/JAVA.aot", "The start-up archive of each Java (class "
                            + "data for Java 17 to 24, an AOT cache for Java 25 and later) under the path of its java, "
                            + "JAVA.id beside it naming the Java and the jar. ARCHIVES is the archives folder beside "
                            + "ecs-image.jar when writable, else ~/.cache/ecs-image ($XDG_CACHE_HOME/ecs-image). Made "
                            + "at install time; for another Java, ecs-image makes one in the background after its first "
                            + "run on it (ECS_IMAGE_CDS_CREATE=1 ecs-image makes it now). A missing or stale archive "
                            + "is ignored."}));
    static final Words CHINESE = new Words("用户命令", "名称", "概述",
            "[\\fI选项\\fR] \\fI命令\\fR [\\fI命令选项\\fR]", "选项", "这些选项放在命令之前或之后均可。", "命令",
            "退出码", "环境变量", "文件", "示例", "另请参阅", "运行 \\fB%s 命令 \\-\\-help\\fR 查看命令的用法。", List.of(
                    new String[] {"~/.aliyun/config.json", "aliyun CLI 的配置（由 aliyun configure 写入）；只读取，从不写入。"},
                    new String[] {"~/.alibabacloud/credentials", "INI 格式的凭证配置，与阿里云 SDK 读取的相同"
                            + "（ALIBABA_CLOUD_CREDENTIALS_FILE 可指定其他文件）。"},
                    new String[] {"ARCHIVES/JAVA.jsa, ARCHIVES/JAVA.aot", "每个 Java 的启动归档（Java 17 到 24 为类数据"
                            + "共享归档，Java 25 及以后为 AOT 缓存），按其 java 的路径存放，旁边的 JAVA.id 记录对应的 "
                            + "Java 和 jar。ARCHIVES 为 ecs-image.jar 旁可写的 archives 目录，否则为 ~/.cache/ecs-image"
                            + "（$XDG_CACHE_HOME/ecs-image）。在安装时生成；换用其他 Java 时，ecs-image 在其上首次运行后"
                            + "于后台生成（ECS_IMAGE_CDS_CREATE=1 ecs-image 立即生成）。缺失或过时的归档会被忽略。"}));

    private final CommandLine root;
    private final Language language;
    private final Words words;
    private final StringBuilder out = new StringBuilder();

    /** The English page. */
    public ManPage(CommandLine root) {
        this(root, Language.en);
    }

    /** The page in {@code language}; a Chinese page attaches the Chinese help to {@code root}. */
    public ManPage(CommandLine root, Language language) {
        this.root = root;
        this.language = language;
        this.words = language == Language.zh ? CHINESE : ENGLISH;
        HelpLanguage.apply(root, language);
    }

    /** The page, for the version and date given. */
    public String render(String version, LocalDate date) {
        CommandSpec spec = root.getCommandSpec();
        String name = spec.name();
        line(".TH " + name.toUpperCase(java.util.Locale.ROOT) + " 1 \"" + date + "\" \""
                + name + " " + version + "\" \"" + words.manual() + "\"");
        // Left-aligned and never hyphenated: the page is full of names such as ALIBABA_CLOUD_REGION_ID.
        line(".nh");
        line(".ad l");
        line(".SH " + words.name());
        text(name + " \\- " + prose(spec.usageMessage().description()));
        line(".SH " + words.synopsis());
        line(".B " + name);
        text(words.synopsisLine());
        line(".SH " + words.options());
        text(words.optionsNote());
        options(spec);
        line(".SH " + words.commands());
        commands(spec, name);
        line(".SH " + words.exitStatus());
        for (Map.Entry<String, String> e : spec.usageMessage().exitCodeList().entrySet()) {
            line(".TP");
            line(".B " + e.getKey().trim());
            text(prose(e.getValue()));
        }
        environment();
        files();
        examples(spec);
        line(".SH " + words.seeAlso());
        text(String.format(words.seeAlsoLine(), name));
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
        line(".SH " + words.environment());
        for (EnvironmentVariables.Entry e : EnvironmentVariables.ALL) {
            line(".TP");
            line(".B " + escape(String.join(", ", e.names())));
            text(prose(language == Language.zh ? e.chinese() : e.meaning()));
        }
    }

    private void files() {
        line(".SH " + words.files());
        for (String[] f : words.fileList()) {
            file(f[0], f[1]);
        }
    }

    private void file(String name, String meaning) {
        line(".TP");
        line(".I " + escape(name));
        text(prose(meaning));
    }

    /** The examples of every command, as its --help shows them. */
    private void examples(CommandSpec root) {
        line(".SH " + words.examples());
        for (CommandLine sub : allCommands(root)) {
            for (Examples.Example e : Examples.of(sub.getCommandSpec())) {
                line(".PP");
                text(prose(e.what() + (language == Language.zh ? "：" : ":")));
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
            String t = breakPoints(para.strip());
            if (!t.isEmpty()) {
                out.append(sep);
                line(t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t);
                sep = ".br\n";
            }
        }
    }

    /**
     * Chinese has no spaces to break lines at, and groff (before 1.23) breaks only there, so
     * {@code \:} (a break point, also read by mandoc) follows each wide character where a line may
     * end: not before closing punctuation ({@code ，。）}...), not after opening ({@code （}...).
     */
    static String breakPoints(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            if (TextWidth.of(c) == 2 && next != ' ' && NO_BREAK_AFTER.indexOf(c) < 0 && NO_BREAK_BEFORE.indexOf(next) < 0) {
                out.append("\\:");
            }
        }
        return out.toString();
    }

    /** Opening punctuation, which does not end a line. */
    private static final String NO_BREAK_AFTER = "（「『【《“‘";
    /** Closing punctuation, which does not start a line. */
    static final String NO_BREAK_BEFORE = "，。、；：？！）」』】》”’";

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
