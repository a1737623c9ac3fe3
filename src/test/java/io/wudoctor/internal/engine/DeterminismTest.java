package io.wudoctor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.Wudoctor;
import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.kb.RulePackLoader;
import io.wudoctor.internal.authoring.ruletest.RuleCaseRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The same input always gives the same plan, byte for byte, whatever the order of the facts. */
class DeterminismTest {

    /**
     * The facts of every sample and every built-in rule case in one: a hundred log matches, dozens
     * of events, services, paths and attempts, so that many rules fire on many facts each.
     */
    private static Facts allSamples() throws IOException {
        List<Facts> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("facts-samples"))) {
            files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(Wudoctor::readFacts).forEach(all::add);
        }
        new RulePackLoader().builtin().load().tests().stream()
                .flatMap(f -> RuleCaseRunner.parse(f, new ArrayList<>()).stream())
                .map(c -> c.ruleCase().facts()).forEach(all::add);
        return all.stream().reduce(Facts::overlay).orElseThrow();
    }

    private static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    /**
     * The events in another order, except that the Windows Update client's events keep theirs: their
     * order is evidence (without times the last failure is the incident, and an event 19 after an
     * event 20 of the same KB means it was installed later; IncidentInference). They are still
     * interleaved anew with the other events, so the rule session receives every event at another place.
     */
    private static List<EventRecord> shuffledEvents(List<EventRecord> events, Random random) {
        List<EventRecord> ordered = events.stream().filter(e -> e.source().equalsIgnoreCase(WU_CLIENT)).toList();
        List<EventRecord> free = shuffled(events.stream().filter(e -> !e.source().equalsIgnoreCase(WU_CLIENT)).toList(), random);
        List<EventRecord> all = new ArrayList<>();
        int o = 0;
        int f = 0;
        while (o < ordered.size() || f < free.size()) {
            boolean takeOrdered = f == free.size() || (o < ordered.size() && random.nextInt(ordered.size() + free.size()) < ordered.size());
            all.add(takeOrdered ? ordered.get(o++) : free.get(f++));
        }
        return all;
    }

    /** The same facts with every list in another order: the rule session receives them in that order. */
    private static Facts shuffled(Facts f, long seed) {
        Random random = new Random(seed);
        return f.toBuilder().services(shuffled(f.services(), random)).paths(shuffled(f.paths(), random))
                .registry(shuffled(f.registry(), random)).logMatches(shuffled(f.logMatches(), random))
                .events(shuffledEvents(f.events(), random)).attemptedFixes(shuffled(f.attemptedFixes(), random)).build();
    }

    private static final String WU_CLIENT = "Microsoft-Windows-WindowsUpdateClient";

    @Test
    void manyFactsInManyOrdersGiveByteIdenticalJson() throws IOException {
        Facts facts = allSamples();
        assertThat(facts.logMatches()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(facts.events()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(facts.services()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(facts.paths()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(facts.attemptedFixes()).hasSizeGreaterThanOrEqualTo(60);
        Wudoctor doctor = TestRules.builtin();
        String first = doctor.diagnose(facts).toJson();
        assertThat(doctor.diagnose(facts).findings()).hasSizeGreaterThanOrEqualTo(10);

        for (long seed = 1; seed <= 20; seed++) {
            Facts reordered = shuffled(facts, seed);
            assertThat(reordered.logMatches()).as("seed %d reorders the log matches", seed).isNotEqualTo(facts.logMatches());
            assertThat(reordered.events()).as("seed %d reorders the events", seed).isNotEqualTo(facts.events());
            assertThat(reordered.attemptedFixes()).as("seed %d reorders the attempts", seed).isNotEqualTo(facts.attemptedFixes());
            assertThat(doctor.diagnose(reordered).toJson()).as("seed %d", seed).isEqualTo(first);
        }
    }

    @Test
    void aFreshCompileGivesTheSameJsonAsTheCachedRules() throws IOException {
        Facts facts = allSamples();
        Wudoctor another = Wudoctor.builder().cacheDir(null).build(); // compiled afresh, no cache
        assertThat(another.diagnose(facts).toJson()).isEqualTo(TestRules.builtin().diagnose(facts).toJson()).contains("\"steps\"");
    }
}
