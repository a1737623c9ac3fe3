package io.wudoctor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.Wudoctor;
import io.wudoctor.facts.Facts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same input always gives the same plan, byte for byte, whatever the order of the facts. */
class DeterminismTest {

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void repeatedAndReorderedRunsGiveByteIdenticalJson() {
        Facts facts = Wudoctor.readFacts(Path.of("facts-samples/ms-s1-clr-optimization.yaml"));
        Facts reordered = new Facts(facts.schemaVersion(), facts.incident(), facts.os(), facts.disk(), facts.time(),
                facts.system(), facts.environment(), reversed(facts.services()), reversed(facts.paths()),
                reversed(facts.registry()), reversed(facts.logMatches()), reversed(facts.events()),
                reversed(facts.attemptedFixes()));
        String first = TestRules.builtin().diagnose(facts).toJson();
        Wudoctor another = Wudoctor.builder().cacheDir(null).build(); // compiled afresh, no cache
        assertThat(another.diagnose(facts).toJson()).isEqualTo(first);
        assertThat(TestRules.builtin().diagnose(reordered).toJson()).isEqualTo(first);
        assertThat(first).contains("\"steps\"");
    }
}
