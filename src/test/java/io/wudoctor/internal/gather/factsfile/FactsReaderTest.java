package io.wudoctor.internal.gather.factsfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.api.BadInputException;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.StartType;
import io.wudoctor.facts.Surface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsReaderTest {

    private static final String VALID = """
            schemaVersion: 1
            incident:
              surface: windows-update
              kb: KB5034441
            disk: {freeBytes: 1073741824, totalBytes: 107374182400}
            services:
              - {name: WUAUSERV, state: stopped, startType: manual}
            """;

    @Test
    void readsAValidYamlFile() {
        Facts facts = FactsReader.parse("f.yaml", VALID);
        assertThat(facts.incident().surface()).isEqualTo(Surface.WINDOWS_UPDATE);
        assertThat(facts.incident().errorCode()).isEqualTo("0x80070002");
        assertThat(facts.disk().freeGiB()).isEqualTo(1.0);
        assertThat(facts.services()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("wuauserv");
            assertThat(s.startType()).isEqualTo(StartType.MANUAL);
        });
    }

    @Test
    void readsTheSameFactsFromJson() {
        String json = """
                {"schemaVersion": 1, "incident": {"surface": "windows-update", "kb": "KB5034441"},
                 "disk": {"freeBytes": 1073741824, "totalBytes": 107374182400},
                 "services": [{"name": "WUAUSERV", "state": "stopped", "startType": "manual"}]}
                """;
        assertThat(FactsReader.parse("f.json", json)).isEqualTo(FactsReader.parse("f.yaml", VALID));
    }

    @Test
    void unknownFieldNamesFileLineColumnAndTheExpectedFields() {
        String yaml = "schemaVersion: 1\nincident:\n  surface: backup\n  surfcae: x\n";
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", yaml))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("f.yaml:4:")
                .hasMessageContaining("unknown field 'surfcae'")
                .hasMessageContaining("expected one of:")
                .hasMessageContaining("surface");
    }

    @Test
    void wrongTypeNamesTheFieldAndWhatWasExpected() {
        String yaml = "schemaVersion: 1\ndisk:\n  freeBytes: lots\n  totalBytes: 10\n";
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", yaml))
                .hasMessageStartingWith("f.yaml:3:")
                .hasMessageContaining("disk.freeBytes")
                .hasMessageContaining("whole number");
    }

    @Test
    void missingRequiredValueIsNamed() {
        String yaml = "schemaVersion: 1\npaths:\n  - path: 'C:\\Windows'\n";
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", yaml))
                .hasMessageStartingWith("f.yaml:3:")
                .hasMessageContaining("missing required field 'exists'");
    }

    @Test
    void badEnumValueListsTheAllowedOnes() {
        String yaml = "schemaVersion: 1\nincident:\n  surface: windows-updat\n";
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", yaml))
                .hasMessageStartingWith("f.yaml:3:")
                .hasMessageContaining("'windows-updat' is not one of: windows-update, feature-upgrade");
    }

    @Test
    void impossibleValuesAreRejectedWithTheReason() {
        String yaml = "schemaVersion: 1\ndisk: {freeBytes: 20, totalBytes: 10}\n";
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", yaml))
                .hasMessageStartingWith("f.yaml:2:")
                .hasMessageContaining("freeBytes <= totalBytes");
    }

    @Test
    void anErrorCodeThatIsNoCodeIsRejected() {
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "schemaVersion: 1\nincident: {surface: backup, errorCode: banana}\n"))
                .hasMessageStartingWith("f.yaml:2:")
                .hasMessageContaining("errorCode 'banana' is not an error code");
        for (String code : new String[] {"0x80070002", "80070002", "-2147024894", "0X8024402C"}) {
            assertThat(FactsReader.parse("f.yaml", "schemaVersion: 1\nincident: {surface: backup, errorCode: '" + code + "'}\n")
                    .incident().errorCode()).isEqualTo(code);
        }
    }

    /** An explicit null for a required field, or a null list entry, was a NullPointerException (exit 1) later on. */
    @Test
    void aRequiredFieldSetToNullOrANullEntryIsBadInput() {
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "schemaVersion: 1\nincident: {surface: null}\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("f.yaml:2:12: incident.surface: a value is required here, not null");
        assertThatThrownBy(() -> FactsReader.parse("f.json", "{\"schemaVersion\": 1, \"attemptedFixes\": [{\"fix\": null}]}"))
                .hasMessageStartingWith("f.json:1:").hasMessageEndingWith("attemptedFixes[0].fix: a value is required here, not null");
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "schemaVersion: 1\nservices: [null]\n"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("an empty (null) entry is not allowed here");
        assertThat(FactsReader.parse("f.yaml", "schemaVersion: 1\nincident: {surface: backup, kb: null}\n").incident().kb()).isNull();
    }

    @Test
    void schemaVersionIsRequiredAndChecked() {
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "incident: {surface: backup}\n"))
                .hasMessageContaining("missing required field 'schemaVersion'");
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "schemaVersion: 2\n"))
                .hasMessageContaining("schemaVersion 2 is not supported");
    }

    @Test
    void duplicateKeysAndEmptyFilesAreErrors() {
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "schemaVersion: 1\nschemaVersion: 1\n"))
                .hasMessageStartingWith("f.yaml:2:")
                .hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "  \n")).hasMessage("f.yaml: the file is empty");
    }

    @Test
    void yamlSyntaxErrorsHaveALine() {
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "schemaVersion: 1\nincident: [\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageMatching("(?s)f\\.yaml:\\d+:\\d+: .*");
    }

    @Test
    void yamlSyntaxErrorsSayWhatIsWrongWhereItIs() {
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "schemaVersion: 1\nincident:\n\tsurface: backup\n"))
                .hasMessageStartingWith("f.yaml:3:1: ")
                .hasMessageContaining("cannot start any token");
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "schemaVersion: 1\nincident: {surface: \"backup\n"))
                .hasMessageContaining("found unexpected end of stream (while scanning a quoted scalar)");
    }

    @Test
    void jsonErrorsCarryNoJacksonInternals() {
        assertThatThrownBy(() -> FactsReader.parse("f.json", "{\"schemaVersion\": 1, \"incident\": {\"surface\": \"backup\""))
                .hasMessageStartingWith("f.json:1:")
                .hasMessageContaining("Unexpected end-of-input")
                .hasMessageNotContaining("REDACTED");
    }

    @Test
    void wrongTypeMessagesReadAsEnglish() {
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "schemaVersion: 1\ndisk: {freeBytes: lots, totalBytes: 10}\n"))
                .hasMessageEndingWith("disk.freeBytes: 'lots' is not a whole number");
        assertThatThrownBy(() -> FactsReader.parse("f.yaml", "schemaVersion: 1\nenvironment: {vpnOrDnsFilter: maybe}\n"))
                .hasMessageEndingWith("environment.vpnOrDnsFilter: 'maybe' is not true or false");
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> FactsReader.read(dir.resolve("nope.yaml"))).hasMessageEndingWith("nope.yaml: no such file");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "schemaVersion: 1\nincident: {surface: backup, path: 'D:\\Fotos\\M\u00fcller'}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> FactsReader.read(latin1)).hasMessageContaining("not UTF-8");
    }

    @Test
    void aByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bom.yaml");
        Files.writeString(f, "\uFEFF" + VALID, StandardCharsets.UTF_8);
        assertThat(FactsReader.read(f).incident().kb()).isEqualTo("KB5034441");
    }
}
