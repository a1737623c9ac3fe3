package io.wudoctor.internal.gather.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.LogKind;
import io.wudoctor.facts.LogMatch;
import java.util.List;
import java.util.Map;
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

    /** An export may list the newest event first (wevtutil /rd:true): "later" is by time when the events have one. */
    @Test
    void laterIsByTimeWhenTheEventsHaveOne() {
        Facts newestFirst = events(
                new EventRecord("System", WU, 19, "2024-01-03T10:00:00Z", "KB2222222", null, "m"),
                new EventRecord("System", WU, 20, "2024-01-01T10:00:00Z", "KB2222222", "0x80070002", "m"));
        Facts failedAgain = events(
                new EventRecord("System", WU, 20, "2024-01-05T10:00:00Z", "KB2222222", "0x80070002", "m"),
                new EventRecord("System", WU, 19, "2024-01-03T10:00:00Z", "KB2222222", null, "m"));

        assertThat(IncidentInference.infer(newestFirst)).isEmpty();
        assertThat(IncidentInference.infer(failedAgain)).get().extracting(Incident::kb).isEqualTo("KB2222222");
    }

    @Test
    void withoutTimesLaterIsTheOrderOfTheEvidence() {
        Facts installedAfter = events(
                new EventRecord("System", WU, 20, null, "KB2222222", "0x80070002", "m"),
                new EventRecord("System", WU, 19, null, "KB2222222", null, "m"));
        Facts installedBefore = events(
                new EventRecord("System", WU, 19, null, "KB2222222", null, "m"),
                new EventRecord("System", WU, 20, null, "KB2222222", "0x80070002", "m"));

        assertThat(IncidentInference.infer(installedAfter)).isEmpty();
        assertThat(IncidentInference.infer(installedBefore)).isPresent();
    }

    /** The same for Windows Update history records (ReportingEvents.log) of one file. */
    @Test
    void aHistoryFailureIsHistoryOnlyWhenALaterRecordInstalledIt() {
        String title = "2017-12 Cumulative Update for Windows 10 Version 1709 for x64-based Systems (KB4054517)";
        LogMatch failed = history(IncidentInference.HISTORY_FAILED, 5, "2017-12-14 09:12:44:871+0100", title);
        LogMatch succeededAfter = history(IncidentInference.HISTORY_SUCCEEDED, 3, "2017-12-15 08:00:00:000+0100", title);
        LogMatch succeededBefore = history(IncidentInference.HISTORY_SUCCEEDED, 7, "2017-12-13 08:00:00:000+0100", title);

        assertThat(IncidentInference.infer(Facts.builder().logMatches(List.of(succeededAfter, failed)).build())).isEmpty();
        assertThat(IncidentInference.infer(Facts.builder().logMatches(List.of(failed, succeededBefore)).build()))
                .get().extracting(Incident::kb, Incident::errorCode).containsExactly("KB4054517", "0x80070002");
    }

    private static LogMatch history(String signature, long line, String time, String title) {
        return new LogMatch(LogKind.WINDOWSUPDATE, signature, "C:\\Windows\\SoftwareDistribution\\ReportingEvents.log", line, time,
                "record", Map.of("code", "80070002", "title", title), 1);
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
