package io.wudoctor.internal.gather.scan;

import static io.wudoctor.internal.gather.scan.Scans.scan;
import static io.wudoctor.internal.gather.scan.Scans.signature;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A signature cannot make the scan backtrack without bound, an analyst's included: on
 * java.util.regex each of these lines would take longer than the age of the universe.
 */
class CatastrophicPatternTest {

    /** A line of 64 a's after the literal: {@code (.*a){20}b} tries every way to split them. */
    private static final String LINE = "CBS Failed " + "a".repeat(64) + "!\n";

    @Test
    void javaRegexWouldBacktrackHereForEver() {
        // the same pattern on a short line already takes java.util.regex noticeable time: growth is exponential
        long start = System.nanoTime();
        Pattern.compile("CBS Failed (.*a){8}b").matcher("CBS Failed " + "a".repeat(20) + "!").find();
        assertThat(System.nanoTime() - start).isGreaterThan(0);
        assertThat(LineRegex.compile(Pattern.compile("CBS Failed (.*a){20}b")).linear()).isTrue();
    }

    @Test
    void aPatternRe2AcceptsRunsInLinearTime() {
        Signature s = signature("evil", "CBS Failed (?<x>.*a){20}b");
        byte[] log = (LINE.repeat(2000) + "CBS Failed " + "a".repeat(20) + "b\n").getBytes(StandardCharsets.UTF_8);
        ScanResult r = scan(List.of(s), log);
        assertThat(r.matches()).singleElement().satisfies(m -> assertThat(m.line()).isEqualTo(2001L));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aLookaroundPatternGivesUpOnACraftedLineAndSaysSo() {
        Signature s = signature("evil-lookahead", "CBS Failed (.*a){1,20}b(?!c)");
        assertThat(LineRegex.compile(s.pattern()).linear()).isFalse();
        byte[] log = ("CBS Failed ab\n" + LINE.repeat(3)).getBytes(StandardCharsets.UTF_8);
        ScanResult r = scan(List.of(s), log);
        assertThat(r.matches()).singleElement().satisfies(m -> assertThat(m.line()).isEqualTo(1L));
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w).contains("3 line(s)").contains("first at line 2"));
    }

    @Test
    void namedGroupsWorkOnBothEngines() {
        Signature re2 = signature("re2", "inf: (?<inf>[\\w.]+\\.inf)");
        Signature java = signature("java", "inf: (?<inf>[\\w.]+\\.inf)(?!\\w)");
        ScanResult r = scan(List.of(re2, java), "Info CBS inf: flpydisk.inf\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.matches()).hasSize(2).allSatisfy(m -> assertThat(m.captures()).containsEntry("inf", "flpydisk.inf"));
    }
}
