package io.wudoctor.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest {

    private static FindingReport finding(double confidence, String title) {
        return new FindingReport("c", title, confidence, new SourceRef("d", "s"), List.of(), List.of());
    }

    /** Percentages right-aligned in four columns, titles (and their wrapped lines) in one column after them. */
    @Test
    void findingTitlesLineUpWhateverThePercentage() {
        Diagnosis d = new Diagnosis(1, "wudoctor test", "summary", null, List.of(finding(1.0, "Certain"),
                finding(0.95, ".NET NGEN service clr_optimization_v4.0.30319_32/_64 registered but its framework folder is empty"),
                finding(0.05, "Unlikely")), List.of(), List.of(), List.of());

        String text = new TextRenderer().render(new Report(d, null));

        assertThat(text).contains("""
                Findings
                100%  Certain
                 95%  .NET NGEN service clr_optimization_v4.0.30319_32/_64 registered but its
                      framework folder is empty
                  5%  Unlikely
                """);
    }
}
