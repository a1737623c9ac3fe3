package io.wudoctor.internal.gather.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.internal.kb.RegexShape;
import io.wudoctor.internal.kb.SignatureDef;
import io.wudoctor.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The java.util.regex rewrite of a pattern decides like RE2/J, the engine of record, on every
 * line: where the two engines read the same text differently the rewrite takes RE2/J's reading,
 * and what it cannot rewrite it refuses (null).
 */
class Re2ToJdkTest {

    private static boolean re2(String pattern, String line) {
        return com.google.re2j.Pattern.compile(pattern).matcher(line).find();
    }

    private static boolean rewritten(String pattern, String line) {
        Pattern p = Re2ToJdk.translate(pattern);
        assertThat(p).as("a rewrite of %s", pattern).isNotNull();
        return p.matcher(line).find();
    }

    /** The pattern as java.util.regex reads it unchanged decides otherwise than RE2/J; the rewrite decides as RE2/J. */
    private static void readsAsRe2(String pattern, String line) {
        assertThat(Pattern.compile(pattern).matcher(line).find()).as("java.util.regex on %s", pattern)
                .isNotEqualTo(re2(pattern, line));
        assertThat(rewritten(pattern, line)).as("the rewrite of %s", pattern).isEqualTo(re2(pattern, line));
    }

    @Test
    void whereTheEnginesDisagreeTheRewriteSidesWithRe2() {
        readsAsRe2("a.b", "a\u0085b");         // Java's dot stops at NEL, RE2/J's only at LF
        readsAsRe2("a.b", "a\u2028b");
        readsAsRe2("a\\sb", "a\u000Bb");       // Java's \s holds the vertical tab
        readsAsRe2("a[\\s]b", "a\u000Bb");
        readsAsRe2("\\bx", "\u00E9x");         // Java 17's \b counts é as a word character
        readsAsRe2("x\\B", "x\u00E9");
        readsAsRe2("a$", "a\u2028");           // Java's $ matches before a final line separator
        readsAsRe2("(?i)k", "\u212A");         // RE2/J folds the Kelvin sign with k
        readsAsRe2("(?i:s)", "\u017F");        // and the long s with s
    }

    @Test
    void agreementsStayAgreements() {
        assertThat(rewritten("\\W", "\u00E9")).isTrue();
        assertThat(rewritten("(?i)inf\\b", "a.INF")).isTrue();
        assertThat(rewritten("(?i)inf\\b", "a.INFx")).isFalse();
        assertThat(rewritten("[]a]+x", "]a]x")).isTrue();      // a ']' first in a class is itself
        assertThat(rewritten("[^]a]", "]]a")).isFalse();
        assertThat(rewritten("\\Qa.b\\E", "axb")).isFalse();
        assertThat(rewritten("\\Qa.b\\E", "a.b")).isTrue();
        assertThat(rewritten("[a-c-e]", "-")).isTrue();       // '-' after a range is itself
        assertThat(rewritten("x{2,3}?y", "xxy")).isTrue();
        assertThat(rewritten("(?s:a.b)", "a\nb")).isTrue();
        assertThat(rewritten("a.b", "a\nb")).isFalse();
        assertThat(rewritten("\\x41\\x{1F600}", "A\uD83D\uDE00")).isTrue();
    }

    @Test
    void whatItCannotRewriteItRefuses() {
        assertThat(Stream.of("[a[b]]", "[a&&b]", "[[:alpha:]]", "\\pL", "(?m)^a", "(?U)a+", "(?i)\u00E9", "(?i)[a-z]",
                "(?i)\\w", "[^\\S]", "a*+", "(?=a)", "\\1", "(a", "a)", "[a", "x{1,}{2}"))
                .allSatisfy(p -> assertThat(Re2ToJdk.translate(p)).as(p).isNull());
    }

    /** RE2/J's case folding of ASCII letters, which the rewrite writes out: only k and s have a third member. */
    @Test
    void re2FoldsAsciiLettersAsTheRewriteSays() {
        com.google.re2j.Pattern letter = com.google.re2j.Pattern.compile("(?i)[a-z]");
        List<Integer> folded = new ArrayList<>();
        for (int cp = 0x80; cp < 0x10000; cp++) {
            if ((cp < 0xD800 || cp > 0xDFFF) && letter.matcher(new String(Character.toChars(cp))).matches()) {
                folded.add(cp);
            }
        }
        assertThat(folded).containsExactly(0x17F, 0x212A);
    }

    /**
     * Every built-in pattern RE2/J takes has a rewrite, and it decides as RE2/J on the real logs'
     * lines that hold its literal (the scanner shows it no other line), on its examples and
     * counterexamples, and on each of those lines with characters the engines read differently.
     */
    @Test
    void everyBuiltinPatternDecidesAsRe2OnTheRealLogs() throws IOException {
        List<String> logLines = realLogLines();
        List<String> patterns = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        for (SignatureDef def : Scans.builtinDefs()) {
            patterns.add(def.pattern());
            patterns.addAll(def.context());
            samples.addAll(def.examples() == null ? List.of() : def.examples());
            samples.addAll(def.counterexamples() == null ? List.of() : def.counterexamples());
        }
        int checked = 0;
        for (String pattern : patterns.stream().distinct().toList()) {
            com.google.re2j.Pattern re2;
            try {
                re2 = com.google.re2j.Pattern.compile(pattern);
            } catch (com.google.re2j.PatternSyntaxException lookaround) {
                continue;
            }
            Pattern jdk = Re2ToJdk.translate(pattern);
            assertThat(jdk).as("a rewrite of %s", pattern).isNotNull();
            String literal = RegexShape.of(pattern).literal();
            List<String> lines = new ArrayList<>(samples);
            logLines.stream().filter(l -> literal == null || l.contains(literal)).forEach(lines::add);
            for (String line : lines) {
                for (String variant : List.of(line, line.replace(' ', '\u000B'), line + "\u2028", "\u00E9" + line + "\u00E9",
                        line.replace("k", "\u212A").replace("s", "\u017F"))) {
                    assertThat(jdk.matcher(variant).find()).as("%s on %s", pattern, variant)
                            .isEqualTo(re2.matcher(variant).find());
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
    }

    private static List<String> realLogLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestFiles.realLog("SOURCES.md").getParent())) {
            for (Path f : files.sorted().toList()) {
                TextEncoding.decode(Files.readAllBytes(f)).lines().forEach(lines::add);
            }
        }
        return lines;
    }

    /**
     * Random patterns of the grammar against random lines drawn from characters the engines read
     * differently: the rewrite decides as RE2/J on every pair (seeded: the same pairs every run).
     */
    @Test
    void randomPatternsDecideAsRe2() {
        Random random = new Random(13);
        String[] pieces = {"a", "b", "k", "s", "\\.", ".", "\\s", "\\S", "\\d", "\\w", "\\W", "\\b", "\\B", "[ab]", "[^a]",
            "[\\s\\d]", "[]a]", "[a-k]", "^", "$", "\u00E9", "\\x{212A}", "\\t", " "};
        String alphabet = "abkKsS. \t\u000B\u0085\u2028\u00E9\u212A\u017F1_";
        int compared = 0;
        for (int n = 0; n < 3000; n++) {
            String pattern = randomPattern(random, pieces, 3);
            com.google.re2j.Pattern re2;
            try {
                re2 = com.google.re2j.Pattern.compile(pattern);
                Pattern.compile(pattern);
            } catch (RuntimeException invalid) {
                continue;
            }
            Pattern jdk = Re2ToJdk.translate(pattern);
            if (jdk == null) {
                continue;
            }
            for (int l = 0; l < 30; l++) {
                StringBuilder line = new StringBuilder();
                for (int c = random.nextInt(8); c > 0; c--) {
                    line.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                assertThat(jdk.matcher(line).find()).as("%s on \"%s\"", pattern, line).isEqualTo(re2.matcher(line).find());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(30_000);
    }

    private static String randomPattern(Random random, String[] pieces, int depth) {
        StringBuilder p = new StringBuilder();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            String atom = depth > 0 && random.nextInt(4) == 0
                    ? List.of("(", "(?:", "((?i)", "(?i:", "(?<g>", "(?s:").get(random.nextInt(6))
                            + randomPattern(random, pieces, depth - 1)
                            + (random.nextBoolean() ? "" : "|" + randomPattern(random, pieces, depth - 1)) + ")"
                    : pieces[random.nextInt(pieces.length)];
            p.append(atom);
            p.append(List.of("", "", "", "*", "+", "?", "{1,2}", "*?", "+?").get(random.nextInt(9)));
        }
        return p.toString();
    }
}
