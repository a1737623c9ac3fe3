package io.wudoctor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fleet summary's counts: independent of order and partitioning (the Spark job merges partitions), bounded, safe CSV. */
class FleetTallyTest {

    private static List<Outcome> fleet() {
        List<Outcome> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(i % 17 == 0 ? Outcome.failed("/f/m" + i + ".zip", "bad-input", "m" + i + ": corrupt")
                    : Outcome.diagnosed("/f/m" + i + ".yaml", "KB" + (i % 4), "19045." + (i % 3),
                            i % 5 == 0 ? null : "cause-" + (i % 3), "fix-" + (i % 2)));
        }
        return all;
    }

    @Test
    void partitionsMergedInAnyOrderGiveTheSameSummaryAsOneSequentialTally() {
        List<Outcome> all = fleet();
        FleetTally sequential = new FleetTally();
        all.forEach(sequential::add);

        List<Outcome> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(7));
        List<FleetTally> parts = List.of(new FleetTally(), new FleetTally(), new FleetTally());
        for (int i = 0; i < shuffled.size(); i++) {
            parts.get(i % 3).add(shuffled.get(i));
        }
        FleetTally merged = new FleetTally().merge(parts.get(2)).merge(parts.get(0)).merge(parts.get(1));

        assertThat(SummaryCsv.render(merged)).isEqualTo(SummaryCsv.render(sequential));
        assertThat(SummaryText.render(merged)).isEqualTo(SummaryText.render(sequential));
        assertThat(merged.failed()).isEqualTo(18);
        assertThat(merged.machines()).isEqualTo(282);
    }

    @Test
    void errorSamplesAndGroupsAreBoundedWhateverTheFleetSize() {
        FleetTally t = new FleetTally();
        for (int i = 0; i < 5000; i++) {
            t.add(Outcome.failed(String.format("/f/%05d.zip", i), "bad-input", "corrupt"));
            t.add(Outcome.diagnosed("/f/" + i + ".yaml", "KB" + i, null, null, null));
        }
        assertThat(t.errorSamples).hasSize(FleetTally.MAX_ERROR_SAMPLES).containsKey("/f/00000.zip");
        assertThat(t.causesByKb).hasSize(FleetTally.MAX_KEYS + 1).containsKey(FleetTally.OTHER);
        assertThat(t.causesByKb.get(FleetTally.OTHER).get(FleetTally.NO_DIAGNOSIS)).isEqualTo(5000 - FleetTally.MAX_KEYS);
    }

    @Test
    void csvCellsFromMachineDataAreQuotedAndNeverFormulas() {
        assertThat(SummaryCsv.cell("KB5034441")).isEqualTo("KB5034441");
        assertThat(SummaryCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(SummaryCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SummaryCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SummaryCsv.cell("-1+2")).isEqualTo("'-1+2");
    }
}
