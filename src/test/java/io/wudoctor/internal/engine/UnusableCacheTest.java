package io.wudoctor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.Wudoctor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache that cannot be written is no reason to fail: the rules compile for this run, with one warning. */
class UnusableCacheTest {

    @TempDir
    Path dir;

    @Test
    void aFileInTheWayOfTheCacheFolderCompilesInMemoryWithAWarning() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        // extra rules, so there is something to compile (the built-in rules ship precompiled in the jar)
        Wudoctor doctor = Wudoctor.builder().cacheDir(blocker.resolve("cache")).rulesDir(Path.of("src/test/resources/allowed-rules"))
                .build();
        Diagnosis d = doctor.diagnose(Wudoctor.readFacts(Path.of("facts-samples/no-evidence.yaml")));
        assertThat(d.steps()).isNotEmpty();
        assertThat(d.warnings()).filteredOn(w -> w.contains("cannot be used")).singleElement()
                .satisfies(w -> assertThat(w).contains(blocker.toString()).contains("compiled for this run only"));
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }
}
