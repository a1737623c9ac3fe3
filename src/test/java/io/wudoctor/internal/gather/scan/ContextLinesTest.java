package io.wudoctor.internal.gather.scan;

import static io.wudoctor.internal.gather.scan.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wudoctor.facts.LogKind;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.internal.kb.SignatureDef;
import io.wudoctor.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A signature's context lines: the latest section header and driver package before a hit go
 * into its captures (rules/update-agent.signatures.yaml, setupapi). Shown on a real
 * setupapi.dev.log section (SOURCES.md, section L) with a signature that hits one of its lines.
 */
class ContextLinesTest {

    /** The built-in setupapi signatures' context patterns, read from the pack: the test follows them. */
    private static final List<String> SETUPAPI_CONTEXT = Scans.builtinDefs().stream()
            .filter(d -> d.id().equals("setupapi-section-failed-file-not-found")).findFirst().orElseThrow().context();

    private static Signature withContext(String pattern) {
        return Signature.compile(new SignatureDef("t", LogKind.SETUPAPI, null, null, null, pattern, null, null, SETUPAPI_CONTEXT));
    }

    @Test
    void theRealSectionNamesItsDeviceAndDriverPackageOnTheHit() {
        byte[] log = TestFiles.bytes(TestFiles.realLog("setupapi-dev-wup028-update-driver-wizard-libwdi-76-2017-02-01.log"));

        List<LogMatch> hits = scan(List.of(withContext("Architecture   = amd64")), log).matches();

        assertThat(hits).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(20L);
            assertThat(m.captures()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "section", "Device Install (DiShowUpdateDevice) - USB\\VID_057E&PID_0337\\15/07/2014",
                    "inf", "wup-028.inf"));
        });
    }

    @Test
    void aHitBeforeAnyContextLineHasOnlyItsOwnCaptures() {
        byte[] log = TestFiles.bytes(TestFiles.realLog("setupapi-dev-wup028-update-driver-wizard-libwdi-76-2017-02-01.log"));

        // line 14 names the INF only as "Opened INF", which is not a context line; the header of line 1 is
        List<LogMatch> hits = scan(List.of(withContext("Opened INF: '(?<opened>[^']+)'")), log).matches();

        assertThat(hits).singleElement().extracting(LogMatch::captures).isEqualTo(Map.of(
                "opened", "c:\\windows\\winsxs\\wup-028.inf",
                "section", "Device Install (DiShowUpdateDevice) - USB\\VID_057E&PID_0337\\15/07/2014"));
    }

    @Test
    void aDriverPackageOfAnEarlierSectionIsNotCarriedIntoTheNextOne() {
        String log = String.join("\n",
                ">>>  [Device Install (Hardware initiated) - PCI\\VEN_1\\A]",
                "     sto:      Driver Package = C:\\Windows\\INF\\first.inf",
                "<<<  [Exit status: FAILURE(0x00000002)]",
                ">>>  [Device Install (Hardware initiated) - PCI\\VEN_2\\B]",
                "!!!  flq:      Error 2: The system cannot find the file specified.",
                "<<<  [Exit status: FAILURE(0x00000002)]",
                "");
        Signature exit = withContext("<<<  \\[Exit status: FAILURE\\(0x00000002\\)\\]");

        List<LogMatch> hits = scan(List.of(exit), log.getBytes(StandardCharsets.UTF_8)).matches();

        assertThat(hits).extracting(LogMatch::line).containsExactly(3L, 6L);
        assertThat(hits.get(0).captures()).isEqualTo(Map.of("section", "Device Install (Hardware initiated) - PCI\\VEN_1\\A",
                "inf", "first.inf"));
        assertThat(hits.get(1).captures()).isEqualTo(Map.of("section", "Device Install (Hardware initiated) - PCI\\VEN_2\\B"));
    }

    /** The last hit's captures are taken at the end of the scan, from the lines kept at the hit: later lines do not leak in. */
    @Test
    void theLastHitNamesItsOwnSectionNotTheLatestOne() {
        String log = section("A", null) + "<<<  [Exit status: FAILURE(0x00000002)] first\n"
                + section("B", null) + "<<<  [Exit status: FAILURE(0x00000002)] second\n"
                + section("C", "third.inf") + "<<<  [Exit status: FAILURE(0x00000002)] third\n"
                + section("D", "fourth.inf");
        Signature exit = withContext("<<<  \\[Exit status: FAILURE\\(0x00000002\\)\\] (?<which>\\w+)");

        List<LogMatch> hits = scan(List.of(exit), log.getBytes(StandardCharsets.UTF_8)).matches();

        assertThat(hits).extracting(LogMatch::line, LogMatch::count).containsExactly(tuple(2L, 3), tuple(7L, 3));
        assertThat(hits.get(0).captures()).isEqualTo(Map.of("which", "first",
                "section", "Device Install (Hardware initiated) - PCI\\VEN_A"));
        assertThat(hits.get(1).captures()).isEqualTo(Map.of("which", "third",
                "section", "Device Install (Hardware initiated) - PCI\\VEN_C", "inf", "third.inf"));
    }

    /** A setupapi section header for device {@code device}, with a driver package line when {@code inf} is given. */
    private static String section(String device, String inf) {
        return ">>>  [Device Install (Hardware initiated) - PCI\\VEN_" + device + "]\n"
                + (inf == null ? "" : "     sto:      Driver Package = C:\\Windows\\INF\\" + inf + "\n");
    }

    @Test
    void contextLinesCarryAcrossChunks() {
        byte[] log = TestFiles.bytes(TestFiles.realLog("setupapi-dev-wup028-update-driver-wizard-libwdi-76-2017-02-01.log"));
        LogScanner scanner = new LogScanner(List.of(withContext("Architecture   = amd64")), 480, 120);

        assertThat(scan(scanner, log).matches()).singleElement().extracting(m -> m.capture("inf"), m -> m.capture("section"))
                .containsExactly("wup-028.inf", "Device Install (DiShowUpdateDevice) - USB\\VID_057E&PID_0337\\15/07/2014");
    }

    @Test
    void aContextPatternWithoutLiteralTextIsRefused() {
        SignatureDef def = new SignatureDef("t", LogKind.SETUPAPI, null, null, null, "Exit status", null, null, List.of("(a|b)+"));

        assertThat(def.problem()).hasValueSatisfying(p -> assertThat(p).contains("context 1", "literal"));
        assertThat(new SignatureDef("t", LogKind.SETUPAPI, null, null, null, "(a|b)", null, null,
                List.of(">>>  \\[")).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("a signature with context lines needs a pattern with literal"));
        assertThat(new SignatureDef("t", LogKind.SETUPAPI, null, null, null, "Exit status", null, null,
                SETUPAPI_CONTEXT).problem()).isEmpty();
    }
}
