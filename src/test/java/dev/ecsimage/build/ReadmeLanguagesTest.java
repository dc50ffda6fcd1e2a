package dev.ecsimage.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md and its Chinese translation README.zh-CN.md do not drift apart: the same headings, code
 * blocks, commands and tables, in the same order; every link to a section of the same file resolves;
 * each links to the other at the top.
 */
class ReadmeLanguagesTest {
    private static final Path ENGLISH = Path.of("README.md");
    private static final Path CHINESE = Path.of("README.zh-CN.md");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*```");
    private static final Pattern SECTION_LINK = Pattern.compile("\\]\\(#([^)\\s]*)\\)");
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");

    /** What the test compares of one README: everything outside code blocks, and the commands inside them. */
    record Readme(List<Integer> headingLevels, List<String> slugs, int codeBlocks, Set<String> commands,
            List<Integer> tableRows, List<String> sectionLinks, List<String> top) {
        static Readme parse(String text) {
            List<Integer> levels = new ArrayList<>();
            List<String> slugs = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            Set<String> commands = new TreeSet<>();
            List<Integer> tables = new ArrayList<>();
            List<String> links = new ArrayList<>();
            List<String> lines = text.lines().toList();
            int blocks = 0;
            int rows = 0;
            boolean inCode = false;
            for (String line : lines) {
                if (FENCE.matcher(line).find()) {
                    inCode = !inCode;
                    blocks += inCode ? 1 : 0;
                    continue;
                }
                if (inCode) {
                    String command = COMMENT.matcher(line).replaceFirst("").strip();
                    command = command.startsWith("$ ") ? command.substring(2) : command;
                    if (command.startsWith("ecs-image ") || command.startsWith("mvn ")) {
                        commands.add(command);
                    }
                    continue;
                }
                if (line.strip().startsWith("|")) {
                    rows++;
                    continue;
                }
                if (rows > 0) {
                    tables.add(rows);
                    rows = 0;
                }
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    levels.add(heading.group(1).length());
                    String slug = slug(heading.group(2));
                    int n = seen.merge(slug, 1, Integer::sum);
                    slugs.add(n == 1 ? slug : slug + "-" + (n - 1));
                }
                Matcher link = SECTION_LINK.matcher(line);
                while (link.find()) {
                    links.add(link.group(1));
                }
            }
            if (rows > 0) {
                tables.add(rows);
            }
            assertFalse(inCode, "a code block is not closed");
            return new Readme(levels, slugs, blocks, commands, tables, links,
                    lines.subList(0, Math.min(5, lines.size())));
        }

        static Readme read(Path file) throws IOException {
            return parse(Files.readString(file));
        }

        /** The section links that name no heading of this file. */
        List<String> brokenLinks() {
            List<String> broken = new ArrayList<>(sectionLinks);
            broken.removeAll(slugs);
            return broken;
        }

        boolean linksTo(String file) {
            return top.stream().anyMatch(l -> l.contains("](" + file + ")"));
        }
    }

    /**
     * GitHub's anchor for a heading: lower case, inline markup and punctuation removed (letters of
     * every script, digits, '-' and '_' stay), each space a '-'.
     */
    static String slug(String heading) {
        StringBuilder slug = new StringBuilder();
        heading.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_'
                    || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    @Test
    void slugsAreGitHubs() {
        assertEquals("try-it-test-it", slug("Try it, test it"));
        assertEquals("retries-and-idempotency", slug("Retries and idempotency"));
        assertEquals("shell-补全", slug("Shell 补全"));
        assertEquals("man-手册页", slug("man 手册页"));
        assertEquals("试用与测试沙箱", slug("试用与测试（沙箱）"));
        assertEquals("copy--status", slug("`copy` & status"));
        assertEquals("global_options", slug("Global_Options"));
    }

    @Test
    void parsingFindsWhatTheTestCompares() {
        Readme readme = Readme.parse("""
                # Title
                [中文](README.zh-CN.md)
                See [a](#a-b) and [c](#c-1).
                ## A b
                ```
                # not a heading
                $ ecs-image copy -i m-1 -r cn-hangzhou -t all   # a comment
                mvn -B verify
                ecs-image: an error, not a command
                ```
                | x | y |
                |---|---|
                | 1 | 2 |

                ### C
                ### C
                | z |
                """);

        assertEquals(List.of(1, 2, 3, 3), readme.headingLevels());
        assertEquals(List.of("title", "a-b", "c", "c-1"), readme.slugs());
        assertEquals(1, readme.codeBlocks());
        assertEquals(Set.of("ecs-image copy -i m-1 -r cn-hangzhou -t all", "mvn -B verify"), readme.commands());
        assertEquals(List.of(3, 1), readme.tableRows());
        assertEquals(List.of(), readme.brokenLinks());
        assertTrue(readme.linksTo("README.zh-CN.md"));
        assertEquals(List.of("nowhere"), Readme.parse("# T\n[x](#nowhere)\n").brokenLinks());
    }

    @Test
    void theSameHeadingsInTheSameOrder() throws IOException {
        assertSame(Readme::headingLevels, 20, "heading levels (outside code blocks)");
    }

    @Test
    void theSameCodeBlocksAndCommands() throws IOException {
        Readme english = Readme.read(ENGLISH);
        Readme chinese = Readme.read(CHINESE);

        assertTrue(english.commands().size() > 20, english.commands().toString());
        assertEquals(english.codeBlocks(), chinese.codeBlocks(), "code blocks in README.md and README.zh-CN.md");
        Set<String> onlyEnglish = new LinkedHashSet<>(english.commands());
        onlyEnglish.removeAll(chinese.commands());
        Set<String> onlyChinese = new LinkedHashSet<>(chinese.commands());
        onlyChinese.removeAll(english.commands());
        assertEquals("only in README.md: []; only in README.zh-CN.md: []",
                "only in README.md: " + onlyEnglish + "; only in README.zh-CN.md: " + onlyChinese);
    }

    @Test
    void theSameTablesWithTheSameRows() throws IOException {
        assertSame(Readme::tableRows, 10, "rows of each table (header and separator included)");
    }

    /** README.zh-CN.md has the same {@code what} as README.md, which has more than {@code atLeast} of them. */
    private static void assertSame(Function<Readme, List<Integer>> what, int atLeast, String description)
            throws IOException {
        List<Integer> english = what.apply(Readme.read(ENGLISH));

        assertTrue(english.size() > atLeast, english.toString());
        assertEquals(english, what.apply(Readme.read(CHINESE)),
                description + " of README.md, then of README.zh-CN.md");
    }

    @Test
    void everySectionLinkResolves() throws IOException {
        for (Path file : List.of(ENGLISH, CHINESE)) {
            Readme readme = Readme.read(file);

            assertTrue(readme.sectionLinks().size() > 20, file + ": " + readme.sectionLinks());
            assertEquals(List.of(), readme.brokenLinks(), file + " links to sections it does not have; its "
                    + "headings' anchors are " + readme.slugs());
        }
    }

    @Test
    void eachLinksToTheOtherAtTheTop() throws IOException {
        assertTrue(Readme.read(ENGLISH).linksTo(CHINESE.toString()), "README.md's first 5 lines link to README.zh-CN.md");
        assertTrue(Readme.read(CHINESE).linksTo(ENGLISH.toString()), "README.zh-CN.md's first 5 lines link to README.md");
    }
}
