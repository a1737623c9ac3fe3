package io.wudoctor.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.GatherListener;
import io.wudoctor.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each real log (src/test/resources/real-logs, see its SOURCES.md) placed where Windows writes
 * it, in an offline root of its own, and diagnosed end to end: the Microsoft Learn symptoms 1-5
 * are reported exactly where the log shows them, and the trap logs, full of harmless
 * 0x80070002 lines, report none.
 */
class RealLogsDiagnosisTest {

    /** The five documented symptom causes (004, Symptoms 1-5). */
    private static final Set<String> SYMPTOMS = Set.of("clr-optimization-service-orphaned", "system-tools-folder-missing",
            "winsxs-payload-dll-missing", "driver-service-registry-missing", "wimmount-driver-missing");

    /** What the source of each log concluded (SOURCES.md); every other log shows none of the symptoms. */
    private static final Map<String, String> SHOWS = Map.of(
            "cbs-0x80070002-msdocs-s1-clr-optimization-ngen-service.log", "clr-optimization-service-orphaned",
            "cbs-0x80070002-msdocs-s2-status-object-name-not-found-system-tools-folder.log", "system-tools-folder-missing",
            "cbs-0x80070002-msdocs-s3-winsxs-dwrite-dll-missing.log", "winsxs-payload-dll-missing",
            "cbs-0x80070002-msdocs-s4-flpydisk-driver-doqe.log", "driver-service-registry-missing",
            "setupact-0x80070002-msdocs-s5-wimmount-imagepath.log", "wimmount-driver-missing");

    @TempDir
    Path roots;

    /** Where a log of this name lives on a system drive; null for command outputs, which are not logs. */
    private static String placeOf(String name) {
        if (name.startsWith("cbs-") || name.startsWith("real-cbs-") || name.startsWith("loghub-windows-2k-cbs.log")) {
            return name.endsWith(".log") ? "Windows/Logs/CBS/CBS.log" : null;
        }
        if (name.contains("setupact")) {
            return "$WINDOWS.~BT/Sources/Panther/setupact.log";
        }
        if (name.contains("setuperr")) {
            return "$WINDOWS.~BT/Sources/Panther/setuperr.log";
        }
        if (name.contains("windowsupdate")) {
            return "Windows/WindowsUpdate.log";
        }
        if (name.startsWith("real-dism-log")) {
            return "Windows/Logs/DISM/dism.log";
        }
        if (name.startsWith("event-system-")) {
            return "wudoctor/events/" + name;
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> eachRealLogShowsExactlyItsDocumentedSymptom() {
        List<Path> logs = TestFiles.allRealLogs().stream().filter(p -> placeOf(p.getFileName().toString()) != null).toList();
        assertThat(logs).hasSizeGreaterThanOrEqualTo(15);
        return logs.stream().map(log -> DynamicTest.dynamicTest(log.getFileName().toString(), () -> {
            String name = log.getFileName().toString();
            Path root = roots.resolve(name.replaceAll("[^A-Za-z0-9]", "_"));
            Path target = root.resolve(placeOf(name));
            Files.createDirectories(target.getParent());
            Files.copy(log, target);
            Diagnosis d = TestRules.builtin().diagnose(TestRules.builtin().gather(root, GatherListener.SILENT));
            List<String> symptoms = d.findings().stream().map(FindingReport::id).filter(SYMPTOMS::contains).toList();
            if (SHOWS.containsKey(name)) {
                assertThat(symptoms).as("symptoms diagnosed from %s", name).containsExactly(SHOWS.get(name));
                assertThat(d.findings().get(0).id()).isEqualTo(SHOWS.get(name));
            } else {
                assertThat(symptoms).as("symptoms diagnosed from the trap log %s", name).isEmpty();
            }
        }));
    }
}
