package io.wudoctor.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Risk;
import io.wudoctor.api.SourceRef;
import io.wudoctor.api.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown a ticket shows must say what the plan says: prose is escaped, commands are not. */
class MarkdownRendererTest {

    @Test
    void placeholdersBackslashesAndEmphasisCharactersSurviveRendering() {
        assertThat(MarkdownRenderer.text("note the KB for the failed update (<kb>)")).isEqualTo("note the KB for the failed update (\\<kb>)");
        assertThat(MarkdownRenderer.text("place it in c:\\windows\\winsxs\\<component>"))
                .isEqualTo("place it in c:\\windows\\winsxs\\\\\\<component>");
        assertThat(MarkdownRenderer.text("delete *.* and [30](x) `y`")).isEqualTo("delete \\*.\\* and \\[30](x) \\`y\\`");
        assertThat(MarkdownRenderer.text("_64 and clr_optimization_v4.0.30319_32/_64"))
                .isEqualTo("\\_64 and clr_optimization_v4.0.30319_32/\\_64");
        assertThat(MarkdownRenderer.text("C:\\Windows\\SoftwareDistribution")).isEqualTo("C:\\Windows\\SoftwareDistribution");
    }

    @Test
    void manualStepsAreEscapedAndCommandBlocksAreVerbatim() {
        Step step = new Step(1, "manual-install-kb", "Install <kb> manually", 0.5, List.of("c"), "Addresses c (50%).", List.of(),
                true, List.of("wusa <kb>.msu"), List.of("Search <kb> on the catalog"), "<kb> is installed", Risk.LOW, null, null,
                List.of(), new SourceRef("d", "s"));
        Diagnosis d = new Diagnosis(1, "wudoctor test", "summary", null, List.of(), List.of(step), List.of(), List.of());

        String md = new MarkdownRenderer().render(new Report(d, null));

        assertThat(md).contains("### 1. Install \\<kb> manually (50%)", "1. Search \\<kb> on the catalog",
                "**Check:** \\<kb> is installed", "```bat\nwusa <kb>.msu\n```");
    }
}
