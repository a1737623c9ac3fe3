package io.wudoctor.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.facts.AttemptedFix;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.LogKind;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.Outcome;
import io.wudoctor.facts.Surface;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Well-formed facts the rules cannot use are said in the warnings, never ignored in silence. */
class InputWarningsTest {

    private static Facts facts(Incident incident, List<LogMatch> matches, List<AttemptedFix> attempted) {
        return Facts.builder().incident(incident).logMatches(matches).attemptedFixes(attempted).build();
    }

    @Test
    void anUnknownAttemptedFixOrSignatureIsAWarning() {
        Diagnosis d = TestRules.builtin().diagnose(facts(new Incident(Surface.WINDOWS_UPDATE, null, null, null),
                List.of(new LogMatch(LogKind.CBS, "qa-no-such-signature", "CBS.log", 1L, null, "x", null, 1)),
                List.of(new AttemptedFix("qa-no-such-fix", Outcome.FAILED, null), new AttemptedFix("qa-no-such-fix", null, null))));

        assertThat(d.warnings()).containsExactly(
                "attemptedFixes names unknown fix 'qa-no-such-fix'; it was not taken into account",
                "logMatches names unknown log signature 'qa-no-such-signature'; no loaded rule can use it (is a --rules folder missing?)");
    }

    @Test
    void anotherErrorCodeIsAWarningAndKnownFactsAreNot() {
        Diagnosis other = TestRules.builtin().diagnose(Facts.of(new Incident(Surface.WINDOWS_UPDATE, "0x80070005", null, null)));
        Diagnosis same = TestRules.builtin().diagnose(Facts.of(new Incident(Surface.WINDOWS_UPDATE, "-2147024894", null, null)));

        assertThat(other.warnings()).singleElement().asString().startsWith("the incident's error code is 0x80070005, not 0x80070002: the three documents");
        assertThat(same.warnings()).isEmpty();
    }
}
