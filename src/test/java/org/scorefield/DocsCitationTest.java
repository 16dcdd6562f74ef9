package org.scorefield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every citation of the project's own documents resolves: the sources cite {@code docs/math.md} and
 * {@code docs/platform.md} by section number, and each cited section must be a heading of that
 * document ({@code ## 4. Title} or {@code ### 4.2 Title}). Single sections, lists and ranges are
 * checked (a range written with an en dash or a hyphen, both ends; for whole sections every one
 * between); on a line, every section sign that follows a cited document belongs to it. The
 * upper-case reference sheets the sources used to cite live outside the repository, so any mention
 * of them that is not the lower-case file under {@code docs/} fails too.
 *
 * <p>Scans every {@code .java} file under {@code src/main/java} and {@code src/test/java} of the Maven
 * base directory. The section sign is written {@code \u00a7} in this file's strings so that the
 * file does not cite anything itself.
 */
class DocsCitationTest {

    /** The Maven base directory (Surefire sets it; tests otherwise run from the project root). */
    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final List<Path> SOURCE_ROOTS = List.of(BASE.resolve("src/main/java"), BASE.resolve("src/test/java"));
    private static final String SECTION = "\u00a7";

    /** The documents that may be cited, by the name a citation uses. */
    private static final Map<String, Path> DOCS = Map.of(
            "docs/math.md", BASE.resolve("docs/math.md"),
            "docs/platform.md", BASE.resolve("docs/platform.md"));

    private static final Pattern TOP_HEADING = Pattern.compile("^##\\s+(\\d+)\\.\\s+\\S.*$");
    private static final Pattern SUB_HEADING = Pattern.compile("^###\\s+(\\d+)\\.(\\d+)\\s+\\S.*$");

    /** A cited document: {@code docs/name.md}. */
    private static final Pattern CITED_DOC = Pattern.compile("docs/(?:math|platform)\\.md");
    /** One section reference: one or two section signs, a number, optionally a range to another. */
    private static final Pattern REFERENCE = Pattern.compile(
            SECTION + "{1,2}\\s*(\\d+(?:\\.\\d+)?)(?:[\u2013-]" + SECTION + "?(\\d+(?:\\.\\d+)?))?");
    /** The old reference sheets outside the repository: any mention not preceded by docs/. */
    private static final Pattern OUTSIDE = Pattern.compile("(?<!docs/)\\b(?:MATH|PLATFORM)\\.md");

    /** What the scan of the sources found. */
    private record Scan(int files, Map<String, Integer> referencesPerDoc, List<String> problems) {
    }

    // ---------------------------------------------------------------- the check itself

    @Test
    void everyCitationOfTheDocsResolves() {
        Map<String, Set<String>> sections = sections();
        Scan scan = scanSources(sections);
        assertTrue(scan.problems().isEmpty(), scan.problems().size() + " citation(s) do not resolve:\n"
                + String.join("\n", scan.problems()));
    }

    @Test
    void theScanFindsTheCitations() {
        Scan scan = scanSources(sections());
        assertTrue(scan.files() >= 100, "expected the project's sources, scanned " + scan.files() + " files under "
                + SOURCE_ROOTS);
        int math = scan.referencesPerDoc().getOrDefault("docs/math.md", 0);
        int platform = scan.referencesPerDoc().getOrDefault("docs/platform.md", 0);
        assertTrue(math >= 80, "expected about a hundred section references to docs/math.md, found " + math);
        assertTrue(platform >= 5, "expected the section references to docs/platform.md, found " + platform);
    }

    @Test
    void theDocsAreNumberedInOrder() throws IOException {
        for (Map.Entry<String, Path> doc : DOCS.entrySet()) {
            List<String> order = headings(Files.readAllLines(doc.getValue(), StandardCharsets.UTF_8));
            assertFalse(order.isEmpty(), doc.getKey() + " has no numbered sections");
            int top = 0;
            int sub = 0;
            for (String number : order) {
                if (!number.contains(".")) {
                    top++;
                    sub = 0;
                    assertEquals(String.valueOf(top), number, doc.getKey() + ": sections must run 1, 2, 3, …");
                } else {
                    sub++;
                    assertEquals(top + "." + sub, number, doc.getKey() + ": subsections must run N.1, N.2, … "
                            + "under their section N");
                }
            }
        }
    }

    // ---------------------------------------------------------------- the parsing functions, tested directly

    @Test
    void aMadeUpSectionIsReportedMissing() {
        Map<String, Set<String>> sections = sections();
        String line = " * (docs/math.md " + SECTION + "99.9) does not exist";
        List<String> problems = check("Example.java", List.of("", line), sections);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Example.java:2:"), problems.get(0));
        assertTrue(problems.get(0).contains("99.9"), problems.get(0));
    }

    @Test
    void existingSectionsListsAndRangesPass() {
        Map<String, Set<String>> sections = sections();
        List<String> math = new ArrayList<>(sections.get("docs/math.md"));
        String firstTop = math.stream().filter(s -> !s.contains(".")).findFirst().orElseThrow();
        String lastTop = math.stream().filter(s -> !s.contains(".")).reduce((a, b) -> b).orElseThrow();
        String firstSub = math.stream().filter(s -> s.contains(".")).findFirst().orElseThrow();
        String platformTop = sections.get("docs/platform.md").iterator().next();
        List<String> lines = List.of(
                "(docs/math.md " + SECTION + firstSub + ")",
                "(docs/math.md " + SECTION + firstTop + ", " + SECTION + lastTop + ")",
                "(docs/math.md " + SECTION + firstTop + "\u2013" + lastTop + ")",
                "(docs/math.md " + SECTION + SECTION + firstTop + "-" + lastTop + ")",
                "(docs/platform.md " + SECTION + platformTop + ")");
        assertEquals(List.of(), check("Example.java", lines, sections));
    }

    @Test
    void aRangeWithAMissingEndIsReported() {
        Map<String, Set<String>> sections = sections();
        String line = "docs/math.md " + SECTION + "1\u201399";
        List<String> problems = check("Example.java", List.of(line), sections);
        assertFalse(problems.isEmpty(), "the range to 99 should not resolve");
    }

    @Test
    void theOldSheetsOutsideTheRepositoryAreReported() {
        Map<String, Set<String>> sections = sections();
        String upperMath = "MATH" + ".md";
        String upperPlatform = "PLATFORM" + ".md";
        List<String> problems = check("Example.java", List.of(
                "(" + upperMath + " " + SECTION + "4)",
                "see ../shared/reference/" + upperPlatform,
                "(docs/math.md " + SECTION + "1)"), sections);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Example.java:1:"), problems.get(0));
        assertTrue(problems.get(1).startsWith("Example.java:2:"), problems.get(1));
    }

    // ---------------------------------------------------------------- helpers

    /** The section numbers of every document, from its headings, in document order. */
    private static Map<String, Set<String>> sections() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Path> doc : DOCS.entrySet()) {
            assertTrue(Files.isRegularFile(doc.getValue()), doc.getValue().toAbsolutePath() + " is missing");
            try {
                out.put(doc.getKey(), new LinkedHashSet<>(headings(Files.readAllLines(doc.getValue(),
                        StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The numbers of the headings {@code ## N. Title} and {@code ### N.M Title}, in order. */
    static List<String> headings(List<String> lines) {
        List<String> numbers = new ArrayList<>();
        boolean inCode = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            Matcher top = TOP_HEADING.matcher(line);
            Matcher sub = SUB_HEADING.matcher(line);
            if (top.matches()) {
                numbers.add(String.valueOf(Integer.parseInt(top.group(1))));
            } else if (sub.matches()) {
                numbers.add(Integer.parseInt(sub.group(1)) + "." + Integer.parseInt(sub.group(2)));
            }
        }
        return numbers;
    }

    /**
     * The citations in these lines of one file that do not resolve, as {@code file:line: why}: a
     * cited section that is not a heading of its document, and any mention of the old sheets
     * outside the repository.
     */
    static List<String> check(String file, List<String> lines, Map<String, Set<String>> sections) {
        return check(file, lines, sections, new LinkedHashMap<>());
    }

    private static List<String> check(String file, List<String> lines, Map<String, Set<String>> sections,
                                      Map<String, Integer> referencesPerDoc) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file + ":" + (i + 1) + ": ";
            Matcher outside = OUTSIDE.matcher(line);
            while (outside.find()) {
                problems.add(where + "cites " + outside.group() + ", a file outside the repository; cite "
                        + "docs/" + outside.group().toLowerCase(java.util.Locale.ROOT) + " and a section instead");
            }
            Matcher doc = CITED_DOC.matcher(line);
            List<int[]> spans = new ArrayList<>();
            while (doc.find()) {
                spans.add(new int[] {doc.start(), doc.end()});
            }
            for (int k = 0; k < spans.size(); k++) {
                String name = line.substring(spans.get(k)[0], spans.get(k)[1]);
                String tail = line.substring(spans.get(k)[1], k + 1 < spans.size() ? spans.get(k + 1)[0] : line.length());
                Set<String> known = sections.getOrDefault(name, Set.of());
                Matcher ref = REFERENCE.matcher(tail);
                while (ref.find()) {
                    referencesPerDoc.merge(name, 1, Integer::sum);
                    for (String cited : cited(ref.group(1), ref.group(2))) {
                        if (!known.contains(cited)) {
                            problems.add(where + "cites " + name + " " + SECTION + cited + ", which is not a heading of "
                                    + name + " (its sections: " + String.join(", ", known) + ")");
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** The sections one reference names: itself, or both ends of a range and every whole section between. */
    private static List<String> cited(String from, String to) {
        List<String> out = new ArrayList<>();
        out.add(normalise(from));
        if (to != null) {
            if (!from.contains(".") && !to.contains(".")) {
                for (int n = Integer.parseInt(from) + 1; n < Integer.parseInt(to); n++) {
                    out.add(String.valueOf(n));
                }
            }
            out.add(normalise(to));
        }
        return out;
    }

    /** {@code 04.2} and {@code 4.2} are the same section. */
    private static String normalise(String number) {
        String[] parts = number.split("\\.");
        return parts.length == 1 ? String.valueOf(Integer.parseInt(parts[0]))
                : Integer.parseInt(parts[0]) + "." + Integer.parseInt(parts[1]);
    }

    private static Scan scanSources(Map<String, Set<String>> sections) {
        List<Path> sources = new ArrayList<>();
        for (Path root : SOURCE_ROOTS) {
            assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is missing: run the tests from the project root");
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Integer> referencesPerDoc = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path source : sources) {
            try {
                problems.addAll(check(BASE.relativize(source).toString(), Files.readAllLines(source,
                        StandardCharsets.UTF_8), sections, referencesPerDoc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Scan(sources.size(), referencesPerDoc, problems);
    }
}
