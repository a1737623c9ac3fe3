package io.wudoctor.internal.gather.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.wudoctor.facts.ServiceState;
import io.wudoctor.facts.ServiceStatus;
import io.wudoctor.facts.StartType;
import io.wudoctor.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCollectorTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void getServiceJsonGivesEveryUpdateServiceWithStateAndStartType() {
        FakeRunner runner = new FakeRunner().powershell("Get-Service", 0, TestFiles.constructed("get-service-json-update-services.json"));

        List<ServiceState> services = new ServiceCollector(runner, warnings::add).collect();

        assertThat(services).extracting(ServiceState::name, ServiceState::state, ServiceState::startType).containsExactly(
                tuple("wuauserv", ServiceStatus.STOPPED, StartType.MANUAL),
                tuple("bits", ServiceStatus.RUNNING, StartType.MANUAL),
                tuple("cryptsvc", ServiceStatus.RUNNING, StartType.AUTOMATIC),
                tuple("appidsvc", ServiceStatus.STOPPED, StartType.MANUAL),
                tuple("msiserver", ServiceStatus.STOPPED, StartType.MANUAL),
                tuple("trustedinstaller", ServiceStatus.STOPPED, StartType.MANUAL));
        assertThat(runner.calls).hasSize(1);
    }

    @Test
    void aServiceGetServiceDoesNotListIsMissingAndEnumNumbersAreRead() throws Exception {
        String json = "{\"Name\":\"wuauserv\",\"Status\":4,\"StartType\":2,\"DelayedAutostart\":true}";

        List<ServiceState> services = ServiceCollector.parseGetService(JsonMapper.builder().build().readTree(json)).orElseThrow();

        assertThat(services.get(0)).isEqualTo(new ServiceState("wuauserv", ServiceStatus.RUNNING, StartType.AUTOMATIC_DELAYED, null));
        assertThat(services.subList(1, services.size())).allSatisfy(s -> assertThat(s.state()).isEqualTo(ServiceStatus.MISSING));
    }

    /** Without PowerShell, sc.exe: real recordings for wuauserv and bits, access denied for the rest. */
    @Test
    void scFallbackReadsRealOutputsAndTreatsAccessDeniedAsUnknown() {
        FakeRunner runner = new FakeRunner()
                .command(List.of("sc.exe", "query", "wuauserv"), 0, "sc-query-wuauserv-stopped-htb-academy.txt")
                .command(List.of("sc.exe", "qc", "wuauserv"), 0, "sc-qc-wuauserv-demand-start-htb-academy.txt")
                .command(List.of("sc.exe", "query", "bits"), 0, "sc-query-bits-running-htb-academy.txt")
                .command(List.of("sc.exe", "query", "appidsvc"), 1060, TestFiles.constructed("sc-query-not-installed-1060.txt"))
                .command(List.of("sc.exe", "query"), 5, "sc-stop-wuauserv-access-denied-5-htb-academy.txt");

        List<ServiceState> services = new ServiceCollector(runner, warnings::add).collect();

        assertThat(services).extracting(ServiceState::name, ServiceState::state, ServiceState::startType).containsExactly(
                tuple("wuauserv", ServiceStatus.STOPPED, StartType.MANUAL),
                tuple("bits", ServiceStatus.RUNNING, StartType.UNKNOWN), // sc qc bits was not recorded
                tuple("cryptsvc", ServiceStatus.UNKNOWN, StartType.UNKNOWN),
                tuple("appidsvc", ServiceStatus.MISSING, StartType.UNKNOWN),
                tuple("msiserver", ServiceStatus.UNKNOWN, StartType.UNKNOWN),
                tuple("trustedinstaller", ServiceStatus.UNKNOWN, StartType.UNKNOWN));
        assertThat(warnings).hasSize(3).allSatisfy(w -> assertThat(w).contains("access denied: run wudoctor as administrator"));
    }

    @Test
    void scQueryListingOfManyServicesIsReadBlockByBlock() {
        String text = new String(TestFiles.bytes(TestFiles.realLog("sc-query-type-service-partial-htb-academy.txt")), StandardCharsets.UTF_8);

        assertThat(ScOutput.states(text)).containsEntry("bits", ServiceStatus.RUNNING).containsEntry("appinfo", ServiceStatus.RUNNING)
                .hasSize(6);
    }

    @Test
    void scQcStartTypes() {
        assertThat(ScOutput.startType("        START_TYPE         : 2   AUTO_START  (DELAYED)\r\n")).isEqualTo(StartType.AUTOMATIC_DELAYED);
        assertThat(ScOutput.startType("        START_TYPE         : 2   AUTO_START\r\n")).isEqualTo(StartType.AUTOMATIC);
        assertThat(ScOutput.startType("        START_TYPE         : 4   DISABLED\r\n")).isEqualTo(StartType.DISABLED);
    }
}
