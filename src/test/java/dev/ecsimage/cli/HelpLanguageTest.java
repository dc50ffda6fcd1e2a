package dev.ecsimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.output.Language;
import dev.ecsimage.output.Messages;
import dev.ecsimage.output.TextWidth;
import dev.ecsimage.testing.TextColumns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The Chinese help: every text of the command model has its entry in {@code help_zh.properties}
 * and the bundle has no other; every help page renders in both languages, each in its own, and
 * the Chinese pages are laid out by columns: aligned, within 80 columns, no word cut in two, no line
 * starting with closing punctuation.
 */
class HelpLanguageTest {
    private static final ResourceBundle BUNDLE = HelpLanguage.bundle();
    private final CliRun cli = new CliRun();

    /** Every help text of the English model, by the keys the Chinese bundle may hold it under (first: the one used). */
    static Map<List<String>, String> helpTexts() {
        Map<List<String>, String> texts = new LinkedHashMap<>();
        CommandLine root = EcsImageCommand.commandLine(Context.system());
        for (CommandLine cmd : commands(root)) {
            CommandSpec spec = cmd.getCommandSpec();
            String q = spec.qualifiedName(".");
            String[] description = spec.usageMessage().description();
            for (int i = 0; i < description.length; i++) {
                String key = q + ".usage.description" + (description.length > 1 ? "." + i : "");
                texts.put(List.of(key), description[i]);
            }
            for (OptionSpec o : spec.options()) {
                if (!o.hidden() && !o.inherited()) {
                    String name = o.longestName().replaceFirst("^-+", "");
                    texts.put(List.of(q + "." + name, name), String.join(" ", UsageHelp.description(spec, o)));
                }
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                texts.put(List.of(q + "." + p.descriptionKey(), p.descriptionKey()), String.join(" ", p.description()));
            }
            List<Examples.Example> examples = Examples.of(UsageHelp.path(spec));
            for (int i = 0; i < examples.size(); i++) {
                texts.put(List.of(Examples.key(UsageHelp.path(spec), i)), examples.get(i).what());
            }
        }
        UsageHelp.ENGLISH.forEach((key, text) -> texts.put(List.of(key), text));
        for (ExitStatus s : ExitStatus.values()) {
            texts.put(List.of("exit." + s.code), s.meaning);
        }
        return texts;
    }

    static List<CommandLine> commands(CommandLine cmd) {
        List<CommandLine> all = new ArrayList<>(List.of(cmd));
        cmd.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }

    @Test
    void everyHelpTextHasAChineseEntryAndTheBundleNoOther() {
        Set<String> missing = new TreeSet<>();
        Set<String> stale = new TreeSet<>(Collections.list(BUNDLE.getKeys()));
        for (List<String> keys : helpTexts().keySet()) {
            if (keys.stream().noneMatch(BUNDLE::containsKey)) {
                missing.add(keys.get(0));
            }
            keys.forEach(stale::remove);
        }
        assertTrue(helpTexts().size() > 100, helpTexts().size() + " help texts: the model walk found too few");
        assertEquals(Set.of(), missing, "help texts without a Chinese entry in cli/help_zh.properties");
        assertEquals(Set.of(), stale, "keys of cli/help_zh.properties that no help text uses");
    }

    /** A translation keeps what must stay ASCII: every option, command and code of the English text. */
    @Test
    void chineseHelpKeepsTheOptionsAndCodesOfTheEnglish() {
        Pattern literal = Pattern.compile("--[a-z][a-z-]*|\\b[A-Z][A-Za-z]+\\.[A-Z][A-Za-z.]+\\b|\\bexit \\d+");
        List<String> problems = new ArrayList<>();
        helpTexts().forEach((keys, english) -> {
            String chinese = keys.stream().filter(BUNDLE::containsKey).map(BUNDLE::getString).findFirst().orElse("");
            Matcher m = literal.matcher(english);
            while (m.find()) {
                String word = m.group().startsWith("exit ") ? m.group().substring(5) : m.group();
                if (!chinese.contains(word)) {
                    problems.add(keys.get(0) + ": '" + word + "' missing from " + chinese);
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    static Stream<String> pages() {
        return commands(EcsImageCommand.commandLine(Context.system())).stream()
                .map(c -> UsageHelp.path(c.getCommandSpec()));
    }

    /** Each page in each language shows its own texts and none of the other language's. */
    @ParameterizedTest
    @MethodSource("pages")
    void everyPageRendersInBothLanguages(String page) {
        String english = help("en", page);
        String chinese = help("zh", page);
        CommandLine model = EcsImageCommand.commandLine(Context.system());
        CommandLine cmd = page.isEmpty() ? model : model.getCommandSpec().commandLine();
        for (String name : page.isEmpty() ? new String[0] : page.split(" ")) {
            cmd = cmd.getSubcommands().get(name);
        }
        CommandSpec spec = cmd.getCommandSpec();
        List<String> own = new ArrayList<>(List.of(spec.usageMessage().description()));
        UsageHelp.ownOptions(spec).forEach(o -> own.add(String.join(" ", UsageHelp.description(spec, o))));
        for (String text : own) {
            if (!text.isBlank()) {
                assertTrue(squash(english).contains(squash(text)), page + " in English lacks: " + text);
                assertFalse(squash(chinese).contains(squash(text)), page + " in Chinese shows the English: " + text);
            }
        }
        assertTrue(chinese.startsWith("用法："), chinese);
        assertTrue(english.startsWith("Usage: "), english);
        assertFalse(english.chars().anyMatch(c -> TextWidth.of(c) == 2), page + " in English has wide characters");
    }

    /** The Chinese pages are laid out in columns: no line past 80, no ASCII word cut, no line opening with a closing mark. */
    @ParameterizedTest
    @MethodSource("pages")
    void chinesePagesFitAndBreakLinesWhereChineseDoes(String page) {
        List<String> lines = help("zh", page).lines()
                .takeWhile(l -> !l.equals(Messages.of(Language.zh).get("seed.images"))).toList();
        Set<String> words = asciiWords(String.join(" ", Collections.list(BUNDLE.getKeys()).stream()
                .map(BUNDLE::getString).toList()));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(TextWidth.of(line) <= 80, page + ": wider than 80 columns: " + line);
            assertFalse(line.strip().matches("^[，。、；：？！）].*"), page + ": starts with closing punctuation: " + line);
            if (i > 0) {
                String cut = lastWord(lines.get(i - 1)) + firstWord(line);
                assertFalse(!lastWord(lines.get(i - 1)).isEmpty() && !firstWord(line).isEmpty() && words.contains(cut),
                        page + ": '" + cut + "' is cut at a line end:\n" + lines.get(i - 1) + "\n" + line);
            }
        }
    }

    /** Options and exit statuses: every description starts at the same column, and so does every continuation. */
    @ParameterizedTest
    @MethodSource("pages")
    void chineseOptionAndExitStatusColumnsLineUp(String page) {
        List<String> lines = help("zh", page).lines().toList();
        Set<Integer> descriptions = new TreeSet<>();
        Set<Integer> continuations = new TreeSet<>();
        boolean inList = false;
        for (String line : lines) {
            if (line.matches("^( {2}-\\S| {6}--\\S| {2}[ \\d]{3}   ).*")) {
                inList = true;
                int start = TextColumns.fieldStart(line, 1);
                if (start > 0) {
                    descriptions.add(start);
                }
            } else if (inList && line.startsWith("        ") && !line.isBlank()) {
                continuations.add(TextColumns.fieldStart(line, 0));
            } else {
                inList = false;
            }
        }
        assertTrue(descriptions.size() <= 2, page + ": descriptions start at " + descriptions);
        for (int c : continuations) {
            assertTrue(descriptions.contains(c) || descriptions.contains(c - 2), page + ": a continuation at " + c
                    + ", descriptions at " + descriptions);
        }
    }

    /** The root page: the options' descriptions and the exit statuses' meanings start at one column each. */
    @Test
    void theRootPagesColumnsAreExact() {
        List<String> lines = help("zh", "").lines().toList();
        assertEquals(Set.of(29), lines.stream().filter(l -> l.matches("^ {2}-\\S.*|^ {6}--\\S.*"))
                .map(l -> TextColumns.fieldStart(l, 1)).filter(c -> c > 0).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of(8), lines.stream().filter(l -> l.matches("^ {2}[ \\d]{3}   \\S.*"))
                .map(l -> TextColumns.fieldStart(l, 1)).collect(java.util.stream.Collectors.toSet()));
        assertTrue(lines.contains("    0   成功：copy 的复制已变为 Available（或使用 --no-wait 时已受理，或预检通"), lines.toString());
        assertTrue(lines.contains("          过）；status 全部为 Available；cancel 已完成"), lines.toString());
    }

    @Test
    void helpInChineseTheSameByOptionCommandAndVariable() {
        String byOption = cli.run("--lang", "zh", "copy", "--help").out();
        assertEquals(byOption, cli.run("help", "copy", "--lang=zh").out());
        cli.env.put("LANG", "zh_CN.UTF-8");
        assertEquals(byOption, cli.run("copy", "-h").out());
        assertTrue(byOption.startsWith("用法：ecs-image copy -i IMAGE_ID -t REGION[,REGION...] [选项]\n"), byOption);
        assertTrue(byOption.contains("\n示例：\n  # 复制到两个地域，并跟踪两个复制直至完成\n"
                + "  ecs-image copy -i m-bp1xxxx -r cn-hangzhou -t cn-shanghai,cn-beijing -n web-v2\n"), byOption);
        assertTrue(byOption.endsWith("\n\n全局选项（-r、-p、-o、-q 等）和退出码：见 'ecs-image --help'。\n"), byOption);
    }

    /** The Chinese bundle is read only when Chinese help is shown: help of an English run leaves the model without it. */
    @Test
    void anEnglishRunAttachesNoBundle() {
        CommandLine root = EcsImageCommand.commandLine(Context.system());
        HelpLanguage.apply(root, Language.en);
        commands(root).forEach(c -> assertEquals(null, c.getCommandSpec().resourceBundle()));
        HelpLanguage.apply(root, Language.zh);
        commands(root).forEach(c -> assertEquals(Language.zh, HelpLanguage.of(c.getCommandSpec())));
    }

    private String help(String language, String page) {
        List<String> args = new ArrayList<>(List.of("--lang", language, "help"));
        if (!page.isEmpty()) {
            args.addAll(List.of(page.split(" ")));
        }
        CliRun.Result r = cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        return r.out();
    }

    private static String squash(String text) {
        return text.replace("%n", "").replaceAll("\\s+", "");
    }

    private static final Pattern ASCII_WORD = Pattern.compile("[\\x21-\\x7E]+");

    private static Set<String> asciiWords(String text) {
        Set<String> words = new TreeSet<>();
        Matcher m = ASCII_WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static String lastWord(String line) {
        Matcher m = Pattern.compile("([\\x21-\\x7E]+)$").matcher(line);
        return m.find() ? m.group(1) : "";
    }

    private static String firstWord(String line) {
        Matcher m = Pattern.compile("^\\s*([\\x21-\\x7E]+)").matcher(line);
        return m.find() ? m.group(1) : "";
    }
}
