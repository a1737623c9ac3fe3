package io.wudoctor.internal.gather.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack      | 2016-09-28 04:30:30",
            "2024-03-28 11:52:21, Error                 MOUPG  CInstallUI::GetDefault     | 2024-03-28 11:52:21",
            "2020/11/19 15:25:46.9997442 3304  9020  Agent           * END * Finding     | 2020-11-19 15:25:46.9997442",
            "2016-10-19\t11:23:47:375\t1532\t2150\tAU\t#############                         | 2016-10-19 11:23:47.375",
            "{6A6D6DFE-1B12-4A5C-9C5B-D7A7C1AE8E4C}\t2016-02-02 10:31:08:392-0800\t1\t147 | 2016-02-02 10:31:08.392-0800",
            "Error CSI 000000fc@2018/9/29:08:45:29.414 (F) Failed in StartService          | 2018-09-29 08:45:29.414",
            "<Event><System><TimeCreated SystemTime='2022-09-30T13:44:36.6772228Z' />      | 2022-09-30T13:44:36.6772228Z",
            "Info CBS Doqe: Failed installing driver updates                              | NONE",
    })
    void normalisesTheFormatsOfWindowsLogs(String line, String expected) {
        assertThat(Timestamps.of(line.strip())).isEqualTo(expected);
    }
}
