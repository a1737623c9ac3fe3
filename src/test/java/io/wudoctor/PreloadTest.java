package io.wudoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Step;
import io.wudoctor.facts.Facts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules are loaded once per process and shared: a preload, and doctors built on
 * several threads at once while it runs, must all diagnose alike.
 */
class PreloadTest {

    private static final Path SAMPLE = Path.of("facts-samples", "ms-s1-clr-optimization.yaml");

    @Test
    void doctorsBuiltWhileThePreloadRunsDiagnoseAlike() {
        Facts facts = Wudoctor.readFacts(SAMPLE);
        Wudoctor.preloadBuiltinRules(true);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<String>>> plans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            plans.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return steps(Wudoctor.builder().build().diagnose(facts));
            }, runnable -> new Thread(runnable).start()));
        }
        start.countDown();
        List<String> first = plans.get(0).join();
        assertThat(first).first().asString().contains("Back up the operating system");
        assertThat(first).hasSize(3);
        plans.forEach(p -> assertThat(p.join()).isEqualTo(first));
        // the shared rules are not used up by a diagnosis: a later doctor, and the same one again, agree
        Wudoctor later = Wudoctor.builder().build();
        assertThat(steps(later.diagnose(facts))).isEqualTo(first);
        assertThat(steps(later.diagnose(facts))).isEqualTo(first);
    }

    @Test
    void preloadingTwiceChangesNothingABuildSees() {
        Wudoctor.preloadBuiltinRules(true);
        Wudoctor.preloadBuiltinRules(false); // a second call may start a second load: all end in the same rules
        assertThat(Wudoctor.builder().build().rulePack().builtin()).isEqualTo(Wudoctor.builtinRulePack());
        assertThat(Wudoctor.builder().build().ruleIds()).isEqualTo(Wudoctor.builder().build().ruleIds()).isNotEmpty();
    }

    private static List<String> steps(Diagnosis d) {
        return d.steps().stream().map(Step::title).toList();
    }
}
