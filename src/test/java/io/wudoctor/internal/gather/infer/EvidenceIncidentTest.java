package io.wudoctor.internal.gather.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.RuleContribution;
import io.wudoctor.api.GatherListener;
import io.wudoctor.api.SkippedFix;
import io.wudoctor.api.Step;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.Surface;
import io.wudoctor.internal.gather.offline.OfflineRootCollector;
import io.wudoctor.testing.Roots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline roots of real logs: the incident and the OS come from the evidence, and the plan follows. */
class EvidenceIncidentTest {

    @TempDir
    Path dir;

    private static Facts collect(Path root) {
        return new OfflineRootCollector(TestRules.signatures(), GatherListener.SILENT).collect(root);
    }

    @Test
    void event20NamesTheIncidentKbAndCode() {
        Roots.at(dir).log("wudoctor/events/system.txt", "event-system-20-windowsupdateclient-0x80070002-KB4586793-msdocs-s4.txt");

        Facts facts = collect(dir);

        assertThat(facts.incident()).isEqualTo(new Incident(Surface.WINDOWS_UPDATE, "0x80070002", "KB4586793", null,
                "System event 20 from Microsoft-Windows-WindowsUpdateClient at DD/MM/yyyy hh:ss:ff"));
        Diagnosis d = TestRules.builtin().diagnose(facts);
        assertThat(d.incident().origin()).isEqualTo("evidence");
        assertThat(d.incident().kb()).isEqualTo("KB4586793");
        assertThat(d.warnings()).noneMatch(w -> w.contains("assumed"))
                .anyMatch(w -> w.startsWith("the incident was read from the evidence: error 0x80070002 during windows update (KB4586793)"));
    }

    @Test
    void aCancelledUpgradeIsReportedAsItsOwnErrorWithNo0x80070002Plan() {
        Roots.at(dir).log("$Windows.~WS/Sources/Panther/setupact.log",
                "real-setupact-upgrade-user-cancel-0x800704D3-copyleft21-2024-03-28.log");

        Diagnosis d = TestRules.builtin().diagnose(collect(dir));

        assertThat(d.incident().errorCode()).isEqualTo("0x800704D3");
        assertThat(d.incident().surface()).isEqualTo("feature-upgrade");
        assertThat(d.incident().seenIn()).isEqualTo("C:\\$Windows.~WS\\Sources\\Panther\\setupact.log:381");
        assertThat(d.incident().fileNotFound()).isFalse();
        assertThat(d.summary()).startsWith("The evidence shows error 0x800704D3 during feature upgrade (seen in "
                + "C:\\$Windows.~WS\\Sources\\Panther\\setupact.log:381), not 0x80070002.").contains("cover only 0x80070002");
        assertThat(d.steps()).isEmpty();
        assertThat(d.toJson()).contains("\"origin\" : \"evidence\"").contains("\"fileNotFound\" : false");
        // no report's title presents it as a 0x80070002 plan
        for (String format : java.util.List.of("text", "markdown", "html", "cmd")) {
            String out = io.wudoctor.internal.render.Renderer.byName(format).render(new io.wudoctor.internal.render.Report(d, null));
            assertThat(out).as(format).contains("error 0x800704D3 during feature upgrade (not 0x80070002: not covered by the knowledge base)")
                    .doesNotContain("fix plan for Windows Update error 0x80070002");
        }
    }

    @Test
    void aTypedIncidentWinsAndTheOtherErrorIsStillShown() {
        Roots.at(dir).log("$Windows.~WS/Sources/Panther/setupact.log",
                "real-setupact-upgrade-user-cancel-0x800704D3-copyleft21-2024-03-28.log")
                .file("facts.yaml", "schemaVersion: 1\nincident: {surface: feature-upgrade, errorCode: '0x80070002'}\n"
                        .getBytes(StandardCharsets.UTF_8));

        Diagnosis d = TestRules.builtin().diagnose(collect(dir));

        assertThat(d.incident().origin()).isEqualTo("facts");
        assertThat(d.incident().errorCode()).isEqualTo("0x80070002");
        assertThat(d.incident().otherFailures()).singleElement().satisfies(f -> {
            assertThat(f.errorCode()).isEqualTo("0x800704D3");
            assertThat(f.seenIn()).endsWith("setupact.log:381");
        });
        assertThat(d.summary()).startsWith("The evidence also shows error 0x800704D3");
    }

    @Test
    void aFactsFileWithOnlyAnEvent20IsDiagnosedForTheEventsOwnCode() {
        Facts facts = Facts.builder().events(
                java.util.List.of(new io.wudoctor.facts.EventRecord("System", "Microsoft-Windows-WindowsUpdateClient", 20,
                        "2024-02-01T08:00:00Z", "KB5034441", "0x80070643", "Installation Failure"))).build();

        Diagnosis d = TestRules.builtin().diagnose(facts);

        assertThat(d.incident()).extracting(r -> r.origin(), r -> r.errorCode(), r -> r.kb(), r -> r.fileNotFound())
                .containsExactly("evidence", "0x80070643", "KB5034441", false);
        assertThat(d.summary()).startsWith("The evidence shows error 0x80070643 during windows update (KB5034441)");
        assertThat(d.steps()).isEmpty();
        assertThat(d.verdict().notCovered()).doesNotContain("incident").contains("disk");
    }

    @Test
    void noEvidenceOfTheFailureIsAnAssumptionSaidAsSuch() {
        Roots.at(dir).log("Windows/Logs/CBS/CBS.log", "real-cbs-win10-19041-appostarsi-2023-05-22.log");

        Diagnosis d = TestRules.builtin().diagnose(collect(dir));

        assertThat(d.incident().origin()).isEqualTo("assumed");
        assertThat(d.warnings()).anyMatch(w -> w.contains("assumed 0x80070002 during Windows Update"));
        assertThat(d.verdict().notCovered()).contains("incident");
    }

    @Test
    void theServicingStackOfAWindows7CbsLogGivesTheBuildAndCheckSurReplacesDism() {
        Roots.at(dir).log("Windows/Logs/CBS/CBS.log", "loghub-windows-2k-cbs.log");

        Facts facts = collect(dir);
        Diagnosis d = TestRules.builtin().diagnose(facts);

        assertThat(facts.os().build()).isEqualTo("7601.23505");
        assertThat(facts.os().version()).isEqualTo("Windows 7 / Server 2008 R2");
        assertThat(facts.os().seenIn()).isEqualTo("C:\\Windows\\Logs\\CBS\\CBS.log:1");
        assertThat(d.steps()).extracting(Step::fixId).contains("checksur-then-sfc")
                .doesNotContain("dism-scanhealth-restorehealth-sfc", "repair-dism-then-sfc");
        assertThat(d.steps()).flatExtracting(Step::commands).noneMatch(c -> c.contains("RestoreHealth"));
        assertThat(d.skipped()).extracting(SkippedFix::fixId).contains("dism-scanhealth-restorehealth-sfc");
        assertThat(d.skipped()).filteredOn(s -> s.fixId().equals("dism-scanhealth-restorehealth-sfc")).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("build 7601.23505").contains("needs build 9200 or later"));
    }

    @Test
    void aWindows10CbsLogKeepsDism() {
        Roots.at(dir).log("Windows/Logs/CBS/CBS.log", "real-cbs-win10-19041-appostarsi-2023-05-22.log");

        Facts facts = collect(dir);
        Diagnosis d = TestRules.builtin().diagnose(facts);

        assertThat(facts.os().build()).isEqualTo("19041.2905");
        assertThat(d.steps()).extracting(Step::fixId).contains("dism-scanhealth-restorehealth-sfc").doesNotContain("checksur-then-sfc");
    }

    @Test
    void theSoftwareHiveStatesTheOsAheadOfLogHeadersAndTheFixesFollowIt() {
        // the Windows 10 CBS log alone keeps DISM (above); the image's own registry says Server 2008 R2
        Roots.at(dir).log("Windows/Logs/CBS/CBS.log", "real-cbs-win10-19041-appostarsi-2023-05-22.log")
                .file("Windows/System32/config/SOFTWARE", io.wudoctor.testing.TestFiles.bytes(
                        io.wudoctor.testing.TestFiles.resource("constructed/hives/software-server2008r2-sp1-7601.hiv")));

        Facts facts = collect(dir);
        Diagnosis d = TestRules.builtin().diagnose(facts);

        assertThat(facts.os().build()).isEqualTo("7601");
        assertThat(facts.os().edition()).isEqualTo("Windows Server 2008 R2 Standard");
        assertThat(facts.os().seenIn()).isEqualTo("C:\\Windows\\System32\\config\\SOFTWARE: Microsoft\\Windows NT\\CurrentVersion");
        assertThat(d.steps()).extracting(Step::fixId).contains("checksur-then-sfc").doesNotContain("dism-scanhealth-restorehealth-sfc");
    }

    private Roots reportingEvents(String name) {
        return Roots.at(dir).file("Windows/SoftwareDistribution/ReportingEvents.log", io.wudoctor.testing.TestFiles.bytes(
                io.wudoctor.testing.TestFiles.resource("constructed/reportingevents/" + name)));
    }

    @Test
    void windowsUpdateHistoryNamesTheFailedCumulativeUpdateAndItsCode() {
        reportingEvents("reportingevents-win10-1709-kb4054517-0x80070002.log");

        Facts facts = collect(dir);
        Diagnosis d = TestRules.builtin().diagnose(facts);

        // UTF-16 LE, as Windows writes it; the installed Defender update before it is no failure
        assertThat(facts.incident()).isEqualTo(new Incident(Surface.CUMULATIVE_UPDATE, "0x80070002", "KB4054517", null,
                "C:\\Windows\\SoftwareDistribution\\ReportingEvents.log:5"));
        assertThat(d.incident().origin()).isEqualTo("evidence");
        assertThat(d.findings()).flatExtracting(FindingReport::rules).extracting(RuleContribution::rule)
                .contains("kb-manual-install-incident");
        assertThat(d.steps()).extracting(Step::fixId).contains("manual-install-kb");
    }

    @Test
    void aRealHistoryRecordOfAFailedDownloadIsNoIncident() {
        Roots.at(dir).log("Windows/SoftwareDistribution/ReportingEvents.log",
                "reportingevents-win81-download-failed-80200056-joshwieder-2015-03-23.log");

        Facts facts = collect(dir);

        assertThat(facts.logMatches()).isEmpty();
        assertThat(facts.incident()).isNull();
    }

    @Test
    void aHistoryFailureALaterInstallRepairedIsNoIncidentInAnyDisplayLanguage() {
        reportingEvents("reportingevents-de-kb4489899-failed-then-installed.log");

        Facts facts = collect(dir);

        assertThat(facts.logMatches()).extracting(m -> m.signature()).contains("context-wu-history-install-failed",
                "context-wu-history-install-succeeded");
        assertThat(facts.incident()).isNull();
        assertThat(IncidentInference.failures(facts)).isEmpty();
    }

    @Test
    void aHistoryFailureWithoutLaterSuccessIsTheIncidentAsWindowsUpdateWhenTheTitleIsNotEnglish() {
        byte[] bytes = io.wudoctor.testing.TestFiles.bytes(io.wudoctor.testing.TestFiles.resource(
                "constructed/reportingevents/reportingevents-de-kb4489899-failed-then-installed.log"));
        String text = new String(bytes, StandardCharsets.UTF_16LE);
        String failureOnly = text.substring(0, text.indexOf("\r\n") + 2);
        Roots.at(dir).file("Windows/SoftwareDistribution/ReportingEvents.log", failureOnly.getBytes(StandardCharsets.UTF_16LE));

        assertThat(collect(dir).incident()).isEqualTo(new Incident(Surface.WINDOWS_UPDATE, "0x800f0922", "KB4489899", null,
                "C:\\Windows\\SoftwareDistribution\\ReportingEvents.log:1"));
    }

    @Test
    void theLegacyUpdateAgentVersionNamesWindows7AndTheDecodedOneWindows10() {
        Roots.at(dir).log("Windows/WindowsUpdate.log", "windowsupdate-legacy-2008r2-scan-0x80070057-theorypc-2016-10-19.log");
        Path other = dir.resolveSibling(dir.getFileName() + "-decoded");
        Roots.at(other).log("Windows/WindowsUpdate.log", "real-windowsupdate-decoded-17763-findingsanity-2021-07-13.log");

        assertThat(collect(dir).os()).extracting(o -> o.build(), o -> o.version())
                .containsExactly("7601.23453", "Windows 7 / Server 2008 R2");
        assertThat(collect(other).os().build()).isEqualTo("17763.1852");
    }

    @Test
    void dismsHostLineWinsOverTheTargetImage() {
        Roots.at(dir).log("Windows/Logs/DISM/dism.log", "real-dism-log-win11-22621-appostarsi-2023-05-17.log");

        assertThat(collect(dir).os().build()).isEqualTo("22621");
    }

    @Test
    void pendingXmlMeansARestartIsPending() {
        Roots.at(dir).log("Windows/Logs/CBS/CBS.log", "real-cbs-win10-19041-appostarsi-2023-05-22.log")
                .file("Windows/WinSxS/pending.xml", "<?xml version='1.0' encoding='utf-8'?><PendingTransaction/>"
                        .getBytes(StandardCharsets.UTF_8));

        Facts facts = collect(dir);

        assertThat(facts.system().pendingRestart()).isTrue();
        assertThat(TestRules.builtin().diagnose(facts).steps()).extracting(Step::fixId).first().isEqualTo("restart-pc");
    }

    @Test
    void withoutPendingXmlTheRestartStateStaysUnknown() {
        Roots.at(dir).log("Windows/Logs/CBS/CBS.log", "real-cbs-win10-19041-appostarsi-2023-05-22.log");

        assertThat(collect(dir).system()).isNull();
    }
}
