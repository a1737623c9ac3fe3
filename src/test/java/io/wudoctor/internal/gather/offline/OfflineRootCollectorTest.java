package io.wudoctor.internal.gather.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wudoctor.TestRules;
import io.wudoctor.api.BadInputException;
import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.PathState;
import io.wudoctor.facts.ServiceState;
import io.wudoctor.testing.Roots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineRootCollectorTest {

    @TempDir
    Path dir;

    private Facts collect(Path root) {
        return new OfflineRootCollector(TestRules.signatures(), GatherListener.SILENT).collect(root);
    }

    @Test
    void logMatchesCarryTheirWindowsFileAndLine() {
        Facts facts = collect(Roots.microsoftSymptoms(dir));

        assertThat(facts.logMatches()).extracting(LogMatch::signature, LogMatch::file, LogMatch::line).containsExactly(
                tuple("cbs-clr-optimization-startservice-failed", "C:\\Windows\\Logs\\CBS\\CBS.log", 2L),
                tuple("cbs-ngen-online-service-tickler-80070002", "C:\\Windows\\Logs\\CBS\\CBS.log", 3L),
                tuple("cbs-winsxs-failed-to-find-file", "C:\\windows\\logs\\cbs\\CbsPersist_20181001120000.LOG", 1L),
                // the trap WindowsUpdate.log's HTTP 403 downloads: a lead, first and last hit
                tuple("wu-download-http-403", "C:\\Windows\\WindowsUpdate.log", 3315L),
                tuple("wu-download-http-403", "C:\\Windows\\WindowsUpdate.log", 5238L),
                tuple("setupact-wimmount-imagepath-80070002", "C:\\$WINDOWS.~BT\\Sources\\Panther\\setupact.log", 1L),
                tuple("setupact-cmountwim-failed-to-mount", "C:\\$WINDOWS.~BT\\Sources\\Panther\\setupact.log", 2L),
                tuple("eventlog-wuclient-event20-install-failure-80070002", "wudoctor\\events\\system.txt", 11L));
    }

    @Test
    void aCompressedRotatedCbsLogIsReadLikeThePlainOne() {
        Path plain = dir.resolve("plain");
        Path packed = dir.resolve("packed");
        Roots.at(plain).log("Windows/Logs/CBS/CbsPersist_20160928043030.log", "loghub-windows-2k-cbs.log");
        Roots.at(packed).file("Windows/Logs/CBS/CbsPersist_20160928043030.cab", io.wudoctor.testing.TestFiles.bytes(
                io.wudoctor.testing.TestFiles.resource("constructed/cab/CbsPersist_20160928043030-mszip.cab")));

        Facts fromLog = collect(plain);
        Facts fromCab = collect(packed);

        assertThat(fromCab.logMatches()).isNotEmpty();
        assertThat(fromCab.logMatches()).extracting(LogMatch::signature, LogMatch::line, LogMatch::text)
                .containsExactlyElementsOf(fromLog.logMatches().stream().map(m -> tuple(m.signature(), m.line(), m.text())).toList());
        assertThat(fromCab.logMatches()).extracting(LogMatch::file).containsOnly(
                "C:\\Windows\\Logs\\CBS\\CbsPersist_20160928043030.cab\\CbsPersist_20160928043030.log");
        assertThat(fromCab.os().build()).isEqualTo("7601.23505");
    }

    @Test
    void aCabinetThatCannotBeReadIsNamedWithHowToExpandIt() {
        byte[] lzx = io.wudoctor.testing.TestFiles.bytes(
                io.wudoctor.testing.TestFiles.resource("constructed/cab/CbsPersist_20160928043030-stored.cab"));
        java.nio.ByteBuffer.wrap(lzx).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort(36 + 6, (short) 0x1503);
        Roots.at(dir).file("Windows/Logs/CBS/CbsPersist_20160928043030.cab", lzx);
        java.util.List<String> warnings = new java.util.ArrayList<>();

        Facts facts = new OfflineRootCollector(TestRules.signatures(), new GatherListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }).collect(dir);

        assertThat(facts.logMatches()).isEmpty();
        assertThat(warnings).containsExactly("C:\\Windows\\Logs\\CBS\\CbsPersist_20160928043030.cab: a compressed rotated "
                + "CBS log, not read (compressed with LZX, which wudoctor does not read): expand it (expand -F:* "
                + "CbsPersist_....cab DIR) into Windows\\Logs\\CBS and run again");
    }

    @Test
    void aBinaryEventLogWithoutAnExportIsNamedWithTheCommandThatExportsIt() {
        Roots.at(dir).wholeDrive().file("Windows/System32/winevt/Logs/System.evtx", "ElfFile\0".getBytes(StandardCharsets.UTF_8));
        java.util.List<String> warnings = new java.util.ArrayList<>();
        GatherListener listener = new GatherListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };

        new OfflineRootCollector(TestRules.signatures(), listener).collect(dir);
        assertThat(warnings).containsExactly("C:\\Windows\\System32\\winevt\\Logs\\System.evtx: a binary event log, not "
                + "read (no Java library reads .evtx): on Windows export it as XML - wevtutil qe "
                + "\"C:\\Windows\\System32\\winevt\\Logs\\System.evtx\" /lf:true /f:xml > wudoctor\\events\\System.xml in the root "
                + "(with the image's drive letter) - and run again");

        // with an export beside it, no warning
        warnings.clear();
        Roots.at(dir).log("wudoctor/events/system.txt", "event-system-20-windowsupdateclient-0x80070002-KB4586793-msdocs-s4.txt");
        new OfflineRootCollector(TestRules.signatures(), listener).collect(dir);
        assertThat(warnings).noneMatch(w -> w.contains("evtx"));
    }

    @Test
    void eventExportsBecomeEvents() {
        Facts facts = collect(Roots.microsoftSymptoms(dir));

        assertThat(facts.events()).singleElement().satisfies(e -> {
            assertThat(e).extracting(EventRecord::log, EventRecord::source, EventRecord::id, EventRecord::kb, EventRecord::code)
                    .containsExactly("System", "Microsoft-Windows-WindowsUpdateClient", 20, "KB4586793", "0x80070002");
            assertThat(e.isFileNotFound()).isTrue();
        });
    }

    @Test
    void aWholeDriveGivesPathStatesIncludingWinSxsFoldersNamedByTheLogs() {
        Facts facts = collect(Roots.microsoftSymptoms(dir));

        assertThat(facts.paths()).extracting(PathState::path, PathState::exists, PathState::empty).contains(
                tuple("C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319", true, true),
                tuple("C:\\Windows\\SoftwareDistribution", false, null),
                tuple("C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\System Tools", false, null),
                tuple("C:\\Windows\\System32\\drivers\\wimmount.sys", false, null),
                tuple("C:\\Windows\\WinSxS\\x86_microsoft-windows-directwrite_31bf3856ad364e35_7.1.7601.23545_none_229deeb1ba2a85d3",
                        false, null),
                tuple("C:\\Windows\\WinSxS\\x86_microsoft-windows-directwrite_31bf3856ad364e35_7.1.7601.23545_none_229deeb1ba2a85d3"
                        + "\\DWrite.dll", false, null),
                tuple("C:\\$WINDOWS.~BT\\Sources\\SafeOS\\winre.wim", false, null));
    }

    @Test
    void foldersAreFoundWhateverTheirCaseAndQmgrFilesAreListed() {
        Roots.at(dir).wholeDrive()
                .file("programdata/microsoft/NETWORK/downloader/QMGR0.DAT", new byte[1])
                .file("windows/softwaredistribution/Download/x.cab", new byte[1])
                .folder("WINDOWS/system32/CatRoot2");

        Facts facts = collect(dir);

        assertThat(facts.paths()).extracting(PathState::path, PathState::exists, PathState::empty).contains(
                tuple("C:\\Windows\\SoftwareDistribution", true, false),
                tuple("C:\\Windows\\System32\\catroot2", true, true),
                tuple("C:\\ProgramData\\Microsoft\\Network\\Downloader\\qmgr0.dat", true, null),
                tuple("C:\\ProgramData\\Microsoft\\Network\\Downloader\\qmgr1.dat", false, null));
        assertThat(facts.paths()).filteredOn(p -> p.path().toLowerCase().contains("qmgr0")).hasSize(1);
    }

    /** A bundle or a folder of logs is a partial copy: what it lacks says nothing about the machine. */
    @Test
    void aPartialRootGivesNoPathStates() {
        Roots.at(dir).log("Windows/Logs/CBS/CBS.log", "cbs-0x80070002-msdocs-s1-clr-optimization-ngen-service.log");

        Facts facts = collect(dir);

        assertThat(facts.paths()).isEmpty();
        assertThat(facts.logMatches()).hasSize(2);
    }

    @Test
    void factsYamlAddsWhatFilesCannotShowAndWinsOverAPathFound() {
        Roots.microsoftSymptoms(dir);
        Roots.at(dir).file("facts.yaml", """
                schemaVersion: 1
                services:
                  - {name: wuauserv, state: stopped, startType: disabled}
                paths:
                  - {path: 'C:\\Windows\\SoftwareDistribution', exists: true, empty: false}
                """.getBytes(StandardCharsets.UTF_8));

        Facts facts = collect(dir);

        assertThat(facts.services()).extracting(ServiceState::name).containsExactly("wuauserv");
        assertThat(facts.paths()).filteredOn(p -> p.is("C:\\Windows\\SoftwareDistribution"))
                .singleElement().extracting(PathState::exists).isEqualTo(true);
        assertThat(facts.logMatches()).hasSize(8);
    }

    @Test
    void aFolderWithNothingToReadIsRefused() {
        Roots.at(dir).file("Documents/readme.txt", new byte[1]);

        assertThatThrownBy(() -> collect(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("found nothing to read").hasMessageContaining("Windows/Logs/CBS/CBS.log");
    }

    @Test
    void aBadFactsYamlNamesItsLine() {
        Roots.at(dir).file("facts.yaml", "schemaVersion: 1\nservices:\n  - {name: bits, state: sleeping}\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> collect(dir)).isInstanceOf(BadInputException.class).hasMessageContaining("facts.yaml:3");
    }
}
