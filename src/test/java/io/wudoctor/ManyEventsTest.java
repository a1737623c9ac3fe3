package io.wudoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.RuleContribution;
import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Thousands of Event 20 failures, the machine whose history the pair-joining rules squared:
 * 2,000 failures made 4 million pairs, far past the firing limit (exit 4, "a rule that
 * re-triggers itself?"). Grouped, the rules conclude what the pairs concluded, with every
 * failure that formed a pair as evidence. (How long it takes is measured by
 * bench/event-pairs-benchmark.sh, not here.)
 */
class ManyEventsTest {

    private static final int N = 2_000;
    private static final String WU = "Microsoft-Windows-WindowsUpdateClient";

    /** A time of its own for event {@code i}: the report shows an event by its time, and merges identical lines. */
    private static String time(int i) {
        return String.format("2024-01-01T%02d:%02d:%02dZ", i / 3600, i / 60 % 60, i % 60);
    }

    private static Diagnosis diagnose(IntFunction<EventRecord> event) {
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            events.add(event.apply(i));
        }
        Facts facts = Facts.builder().incident(new Incident(Surface.WINDOWS_UPDATE, "0x80070002", null, null)).events(events).build();
        return TestRules.builtin().diagnose(facts);
    }

    private static RuleContribution contribution(Diagnosis d, String cause, String rule) {
        FindingReport f = d.findings().stream().filter(x -> x.id().equals(cause)).findFirst().orElseThrow();
        return f.rules().stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void theSameKbFailingTwoThousandTimesKeepsComingBackWithEveryFailureAsEvidence() {
        Diagnosis d = diagnose(i -> new EventRecord("System", WU, 20, time(i), "KB5034441", "0x80070002", null));
        RuleContribution keeps = contribution(d, "corrupted-update-cache", "up-keeps-coming-back-events");
        assertThat(keeps.confidence()).isEqualTo(0.7);
        assertThat(keeps.evidence()).hasSize(N);
        assertThat(d.findings()).noneMatch(f -> f.id().equals("corrupted-system-files"));
    }

    @Test
    void twoThousandDifferentKbsFollowAcrossUpdatesWithEveryFailureAsEvidence() {
        Diagnosis d = diagnose(i -> new EventRecord("System", WU, 20, time(i), "KB" + (5_000_000 + i), "0x80070002", null));
        RuleContribution across = contribution(d, "corrupted-system-files", "up-error-follows-across-updates");
        assertThat(across.confidence()).isEqualTo(0.65);
        assertThat(across.evidence()).hasSize(N);
        assertThat(d.findings().stream().filter(f -> f.id().equals("corrupted-update-cache")).flatMap(f -> f.rules().stream()))
                .noneMatch(r -> r.rule().equals("up-keeps-coming-back-events"));
    }

    /** Without a KB, a 0x80070002 failure pairs only with another error code: it is evidence only then. */
    @Test
    void failuresWithoutAKbAreEvidenceOnlyBesideAnotherErrorCode() {
        Diagnosis kbsOnly = diagnose(i -> new EventRecord("System", WU, 20, time(i), i % 2 == 0 ? "KB" + i : null, "0x80070002", null));
        assertThat(contribution(kbsOnly, "corrupted-system-files", "up-error-follows-across-updates").evidence()).hasSize(N / 2);
        Diagnosis withOtherCode = diagnose(i -> new EventRecord("System", WU, 20, time(i), i % 2 == 0 ? "KB" + i : null,
                i == 1 ? "0x800f0922" : "0x80070002", null));
        assertThat(contribution(withOtherCode, "corrupted-system-files", "up-error-follows-across-updates").evidence()).hasSize(N);
    }
}
