package io.wudoctor.apitest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.api.BadInputException;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Step;
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
