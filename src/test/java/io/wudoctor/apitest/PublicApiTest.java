package io.wudoctor.apitest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.api.BadInputException;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Step;
import io.wudoctor.TestRules;
import io.wudoctor.Wudoctor;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.Incident;
import io.wudoctor.facts.LogKind;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.PathState;
import io.wudoctor.facts.Surface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedding wudoctor using only the public packages (io.wudoctor, io.wudoctor.api and io.wudoctor.facts), as docs/embedding.md shows. */
class PublicApiTest {

    @Test
    void embedBuildFactsInCodeDiagnoseAndSerialise(@TempDir Path cache) {
        Wudoctor doctor = Wudoctor.builder().cacheDir(cache).build();
        Facts facts = Facts.builder()
                .incident(new Incident(Surface.MONTHLY_ROLLUP, "0x80070002", null, null))
                .paths(List.of(new PathState("C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319", true, true)))
                .logMatches(List.of(new LogMatch(LogKind.CBS, "cbs-clr-optimization-startservice-failed", "CBS.log", 7L, null,
                        "Failed in StartService for [30]\"clr_optimization_v4.0.30319_32\" with error code 2", Map.of(), 1)))
                .build();
        Diagnosis d = doctor.diagnose(facts);
        assertThat(d.findings().get(0).id()).isEqualTo("clr-optimization-service-orphaned");
        assertThat(d.steps()).extracting(Step::fixId).containsSubsequence("backup-os-disk", "delete-clr-optimization-keys");
        assertThat(d.toJson()).startsWith("{").contains("\"fixId\" : \"delete-clr-optimization-keys\"").endsWith("}\n");
    }

    /** What wudoctor's own rule tests use: a log held in memory, the rule ids, the test files; all in public types. */
    @Test
    void aDoctorScansALogInMemoryAndNamesItsRulesAndTests() {
        Wudoctor doctor = TestRules.builtin();
        List<LogMatch> found = doctor.scanLog(LogKind.CBS, "CBS.log", "2018-09-29 08:45:29, Info                  CBS    Starting\n"
                + "2018-09-29 08:45:29, Error                 CSI    000000fc@2018/9/29:08:45:29.414 (F) Failed in StartService "
                + "for [30]\"clr_optimization_v4.0.30319_64\" with error code 2[gle=0x80004005]\n");
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.signature()).isEqualTo("cbs-clr-optimization-startservice-failed");
            assertThat(m.line()).isEqualTo(2L);
            assertThat(m.capture("service")).isEqualTo("clr_optimization_v4.0.30319_64");
        });
        assertThat(doctor.ruleIds()).isSorted().doesNotHaveDuplicates().hasSizeGreaterThan(50);
        assertThat(doctor.ruleTestFiles()).isNotEmpty().allSatisfy((name, text) -> {
            assertThat(name).startsWith("builtin:").endsWith(".tests.yaml");
            assertThat(text).contains("cases:");
        });
    }

    @Test
    void factsBuiltInCodeAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> new Incident(null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surface is required");
    }

    @Test
    void readFactsReportsBadFilesAsBadInput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("f.json");
        Files.writeString(f, "{\"schemaVersion\": 1, \"incident\": {\"surface\": 42}}");
        assertThatThrownBy(() -> Wudoctor.readFacts(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("f.json:1:").hasMessageContaining("incident.surface");
    }
}
