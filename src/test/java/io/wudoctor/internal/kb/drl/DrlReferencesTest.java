package io.wudoctor.internal.kb.drl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrlReferencesTest {

    private static final String DRL = """
            package p;
            import io.wudoctor.facts.*;
            // rule "not-a-rule" in a comment; Finding.of(kcontext, "commented-cause", 0.5)
            rule "a"
                @id("a") @title("A rule; with \\"quotes\\"")
            when
                $m : LogMatch(signature == "sig-1")
                $n : LogMatch(signature in ("sig-2", "sig-3"))
                $o : LogMatch(signature matches "sig-[45]")
            then
                insert(Finding.of(kcontext, "cause-1", 0.8, $m)
                    .recommend("fix-1",
                               "fix-2"));
                insert(Finding.of("a", "cause-2", 1.5));
            end
            """;

    @Test
    void commentsAndLiteralsAreBlankedKeepingLines() {
        DrlText t = DrlText.of(DRL);
        assertThat(t.code()).hasSameSizeAs(DRL).doesNotContain("commented-cause").doesNotContain("sig-1");
        assertThat(t.code().lines().count()).isEqualTo(DRL.lines().count());
        assertThat(t.literals()).extracting(DrlText.Literal::value).contains("A rule; with \"quotes\"", "sig-1");
        assertThat(t.lineOf(DRL.indexOf("sig-1"))).isEqualTo(7);
    }

    @Test
    void outlineGivesRulesWithLinesAndMetadata() {
        DrlOutline o = DrlOutline.of(DRL);
        assertThat(o.rules()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("a");
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.endLine()).isEqualTo(15);
            assertThat(r.meta()).containsEntry("id", "a").containsEntry("title", "A rule; with \"quotes\"");
        });
        assertThat(o.blockAt(12)).isEqualTo("rule \"a\"");
        assertThat(o.blockAt(2)).isNull();
    }

    @Test
    void referencesWithLinesAndConfidences() {
        List<DrlReferences.Ref> refs = DrlReferences.of(DrlText.of(DRL), DrlOutline.of(DRL));
        assertThat(refs).extracting(r -> r.kind() + " " + r.id() + " @" + r.line()).containsExactlyInAnyOrder(
                "CAUSE cause-1 @11", "CAUSE cause-2 @14", "FIX fix-1 @12", "FIX fix-2 @13",
                "SIGNATURE sig-1 @7", "SIGNATURE sig-2 @8", "SIGNATURE sig-3 @8", "SIGNATURE_PATTERN sig-[45] @9");
        assertThat(refs).filteredOn(r -> r.id().equals("cause-2")).singleElement()
                .satisfies(r -> assertThat(r.confidence()).isEqualTo(1.5));
        assertThat(refs).allSatisfy(r -> assertThat(r.block().name()).isEqualTo("a"));
    }

    @Test
    void aBrokenFileStillYieldsTheRulesAroundTheError() {
        String drl = "package p;\nrule \"ok\"\n @id(\"ok\")\nwhen\nthen\nend\nrule \"bad\"\nwhen\n  Incident(\nthen\nend\n";
        assertThat(DrlOutline.of(drl).rules()).extracting(DrlOutline.Block::name).contains("ok");
    }
}
