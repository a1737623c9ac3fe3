package io.wudoctor.internal.gather.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.facts.TimeSync;
import io.wudoctor.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeCollectorTest {

    private static final String W32TM = "w32tm-query-status-verbose-linuxfabrik-";

    /** The five real outputs: synced from an NTP peer or Hyper-V; no data, the CMOS clock or stale data is not synced. */
    @ParameterizedTest
    @CsvSource({
            "EXAMPLE01-synced-stratum4-time-windows.txt, true",
            "EXAMPLE02-unsynced-no-time-data-time-windows.txt, false",
            "EXAMPLE03-synced-stratum1-vmic-hyperv.txt, true",
            "EXAMPLE04-unsynced-local-cmos-clock.txt, false",
            "EXAMPLE05-stale-time-data-2011.txt, false"})
    void w32tmStatus(String file, boolean synced) {
        String text = new String(TestFiles.bytes(TestFiles.realLog(W32TM + file)), StandardCharsets.UTF_8);

        TimeCollector.W32tmStatus status = TimeCollector.parseStatus(text);

        assertThat(status.synced()).isEqualTo(synced);
        assertThat(status.offsetSeconds() != null).isEqualTo(synced);
    }

    @Test
    void combinesW32tmWithTheRegistrySettingsForAutomaticTimeAndZone() {
        FakeRunner runner = new FakeRunner()
                .command(List.of("w32tm.exe"), 0, W32TM + "EXAMPLE01-synced-stratum4-time-windows.txt")
                .command(List.of("reg.exe", "query", TimeCollector.W32TIME_PARAMETERS), 0,
                        TestFiles.constructed("reg-query-w32time-parameters-type-ntp.txt"))
                .command(List.of("reg.exe", "query", TimeCollector.TZ_AUTO_UPDATE), 0,
                        TestFiles.constructed("reg-query-tzautoupdate-start-disabled.txt"));

        TimeSync time = new TimeCollector(runner).collect().orElseThrow();

        assertThat(time).isEqualTo(new TimeSync(0.0000039, true, false, true));
    }

    @Test
    void nothingKnownGivesNoTimeFact() {
        assertThat(new TimeCollector(new FakeRunner()).collect()).isEmpty();
    }

    @Test
    void timeSettingValues() {
        assertThat(TimeCollector.automaticTime("NoSync")).isFalse();
        assertThat(TimeCollector.automaticTime("NT5DS")).isTrue();
        assertThat(TimeCollector.automaticZone("0x3")).isTrue();
        assertThat(TimeCollector.automaticZone("0x2")).isNull();
    }
}
