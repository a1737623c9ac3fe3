package io.wudoctor.internal.gather.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentInferenceTest {

    private static final String WU = "Microsoft-Windows-WindowsUpdateClient";

    private static Facts events(EventRecord... events) {
        return Facts.builder().events(List.of(events)).build();
    }

    @Test
    void theLatestFailureIsTheIncident() {
        Facts facts = events(
                new EventRecord("System", WU, 20, "2024-01-01T10:00:00Z", "KB1111111", "0x8024200D", "m"),
                new EventRecord("System", WU, 20, "2024-01-02T10:00:00Z", "KB2222222", "0x80070002", "m"));

        assertThat(IncidentInference.infer(facts)).get().extracting(Incident::kb, Incident::errorCode)
                .containsExactly("KB2222222", "0x80070002");
        assertThat(IncidentInference.failures(facts)).hasSize(2);
    }

    @Test
    void aFailureInstalledLaterIsHistory() {
        Facts facts = events(
                new EventRecord("System", WU, 20, "2024-01-01T10:00:00Z", "KB2222222", "0x80070002", "m"),
                new EventRecord("System", WU, 19, "2024-01-03T10:00:00Z", "KB2222222", null, "m"));

        assertThat(IncidentInference.infer(facts)).isEmpty();
    }

    @Test
    void successEventsAndOtherProvidersAreNoIncident() {
        Facts facts = events(
                new EventRecord("System", WU, 19, null, "KB2267602", null, "m"),
                new EventRecord("System", "Other", 20, null, "KB1", "0x80070002", "m"),
                new EventRecord("System", WU, 20, null, "KB3", null, "no code"));

        assertThat(IncidentInference.infer(facts)).isEmpty();
    }

    @Test
    void codesCompareWhateverTheirSpelling() {
        assertThat(IncidentResolution.sameCode("0x800704D3", "800704d3")).isTrue();
        assertThat(IncidentResolution.sameCode("-2147024894", "0x80070002")).isTrue();
        assertThat(IncidentResolution.sameCode("0x800704D3", "0x800704C7")).isFalse();
    }
}
