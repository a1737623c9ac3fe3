package io.wudoctor.internal.gather.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wudoctor.api.BadInputException;
import io.wudoctor.facts.EventRecord;
import io.wudoctor.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventExportsTest {

    private static String real(String name) {
        return new String(TestFiles.bytes(TestFiles.realLog(name)), StandardCharsets.UTF_8);
    }

    @Test
    void realEventXml() {
        List<EventRecord> events = EventExports.parseXml(real("event-system-19-windowsupdateclient-success-xml-datadog-2022.xml"), "x.xml");

        assertThat(events).singleElement().isEqualTo(new EventRecord("System", "Microsoft-Windows-WindowsUpdateClient", 19,
                "2022-09-30T13:44:36.6772228Z", "KB2267602", null,
                "Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.375.1243.0)", null,
                java.util.Map.of("updateTitle", "Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.375.1243.0)",
                        "updateGuid", "{23315d09-c6f2-4cb7-8b40-869952c28480}", "updateRevisionNumber", "200",
                        "serviceGuid", "{9482f4b4-e343-43b6-b170-9a65bc822c77}")));
    }

    @Test
    void realServiceControlManagerEventNamesItsServiceByKeyName() {
        List<EventRecord> events = EventExports.parseXml(real("event-system-7040-scm-bits-auto-to-demand-win11.xml"), "x.xml");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.isServiceControlManager()).isTrue();
            assertThat(e.id()).isEqualTo(7040);
            assertThat(e.service()).isEqualTo("bits");
            assertThat(e.datum("param3")).isEqualTo("demand start");
        });
    }

    @Test
    void theServiceNameOfOtherScmEventsComesFromTheirBinaryDataNotTheDisplayName() {
        // The binary data is the key name as UTF-16LE ("wuauserv/4" for 7036); param1 is in the display language.
        String hex = java.util.HexFormat.of().formatHex("wuauserv/4\u0000".getBytes(StandardCharsets.UTF_16LE));
        String xml = "<Event><System><Provider Name='Service Control Manager'/><EventID Qualifiers='16384'>7036</EventID></System>"
                + "<EventData><Data Name='param1'>Windows Update</Data><Data Name='param2'>wird ausgeführt</Data>"
                + "<Binary>" + hex.toUpperCase(java.util.Locale.ROOT) + "</Binary></EventData></Event>";
        String german = "<Event><System><Provider Name='Service Control Manager'/><EventID>7000</EventID></System>"
                + "<EventData><Data Name='param1'>Intelligenter Hintergrundübertragungsdienst</Data><Data Name='param2'>%%1058</Data>"
                + "</EventData></Event>";

        assertThat(EventExports.parseXml(xml, "x.xml")).singleElement().extracting(EventRecord::service).isEqualTo("wuauserv");
        assertThat(EventExports.parseXml(german, "x.xml")).singleElement().extracting(EventRecord::service).isNull();
        assertThat(ServiceEventNames.fromBinary("ZZ")).isNull();
        assertThat(ServiceEventNames.fromBinary("3C0073003E00")).isNull(); // "<s>" is no service name
    }

    @Test
    void realCopyAsText() {
        List<EventRecord> events = EventExports.parseText(real("event-system-20-windowsupdateclient-0x80070002-KB4586793-msdocs-s4.txt"));

        assertThat(events).singleElement().isEqualTo(new EventRecord("System", "Microsoft-Windows-WindowsUpdateClient", 20,
                "DD/MM/yyyy hh:ss:ff", "KB4586793", "0x80070002",
                "Installation Failure: Windows failed to install the following update with error 0x80070002: "
                        + "Security Update for Windows (KB4586793)."));
    }

    @Test
    void renderedXmlWithSeveralEventsADeclarationAndAnEnclosingElement() {
        String events = new String(TestFiles.constructed("event-system-20-rendered.xml"), StandardCharsets.UTF_8);
        String saved = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<Events>\r\n" + events + "</Events>\r\n";

        assertThat(EventExports.parseXml(saved, "saved.xml")).extracting(EventRecord::id, EventRecord::code, EventRecord::message)
                .containsExactly(
                        tuple(20, "0x80070002", "Installation Failure: Windows failed to install the following update with error "
                                + "0x80070002: Security Update for Windows (KB4586793)."),
                        tuple(19, null, "Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.375.1243.0)"));
    }

    @Test
    void copyDetailsAsTextWithItsEventXmlSectionAndTwoEvents() {
        String text = """
                Log Name:      System
                Source:        Microsoft-Windows-WindowsUpdateClient
                Date:          11/20/2020 3:04:05 AM
                Event ID:      20
                Description:
                Installation Failure: Windows failed to install the following update with error 0x80070002: Security Update for Windows (KB4586793).
                Event Xml:
                <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>20</EventID></System></Event>
                Log Name:      System
                Source:        Microsoft-Windows-WindowsUpdateClient
                Event ID:      43
                Description:
                Installation Started: Windows has started installing the following update: 2020-11 Cumulative Update (KB4586781)
                """;

        assertThat(EventExports.parseText(text)).extracting(EventRecord::id, EventRecord::time, EventRecord::kb, EventRecord::code)
                .containsExactly(tuple(20, "11/20/2020 3:04:05 AM", "KB4586793", "0x80070002"), tuple(43, null, "KB4586781", null));
    }

    @Test
    void brokenXmlNamesFileAndLine() {
        assertThatThrownBy(() -> EventExports.parseXml("<Event>\n<System>\n</Event>", "events.xml"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("events.xml:3: not valid event XML");
    }

    @Test
    void externalEntitiesAreNotResolved() {
        String xxe = "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Event><System><Channel>&x;</Channel></System></Event>";

        assertThatThrownBy(() -> EventExports.parseXml(xxe, "evil.xml")).isInstanceOf(BadInputException.class);
    }
}
