package io.wudoctor.internal.gather.scan;

import static io.wudoctor.internal.gather.scan.Scans.allBuiltin;
import static io.wudoctor.internal.gather.scan.Scans.scan;
import static io.wudoctor.internal.gather.scan.Scans.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wudoctor.facts.LogMatch;
import io.wudoctor.testing.TestFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LogScannerTest {

    static Stream<Path> realLogs() {
        return TestFiles.allRealLogs().stream();
    }

    /**
     * Every real file, scanned with every built-in signature whatever its log kind, gives exactly
     * the hits its source documents: the Microsoft article's excerpts hit their symptom's
     * signatures; every other file (healthy machines, near misses, other errors) hits nothing.
     */
    @ParameterizedTest
    @MethodSource("realLogs")
    void realLogsScanWithoutErrorAndHitOnlyTheirDocumentedSignatures(Path log) {
        ScanResult result = scan(allBuiltin(), TestFiles.bytes(log));

        assertThat(result.lines()).isPositive();
        assertThat(result.binaryLines()).isZero();
        assertThat(result.cutLines()).isZero();
        // context-* signatures (version and result lines) are meant to hit healthy logs too
        assertThat(result.matches()).extracting(LogMatch::signature).filteredOn(s -> !s.startsWith("context-"))
                .containsExactlyInAnyOrderElementsOf(expectedHits(log.getFileName().toString()));
    }

    /**
     * Real file -> the signatures that hit it, whatever their log kind (docs/evidence.md gives the
     * lines); a file not listed must have no hit at all.
     */
    private static final Map<String, List<String>> HITS = Map.ofEntries(
            Map.entry("cbs-0x80070002-msdocs-s1-clr-optimization-ngen-service.log",
                    List.of("cbs-clr-optimization-startservice-failed", "cbs-ngen-online-service-tickler-80070002")),
            Map.entry("cbs-0x80070002-msdocs-s2-status-object-name-not-found-system-tools-folder.log",
                    List.of("cbs-status-object-name-not-found-system-tools", "cbs-status-object-name-not-found-path")),
            Map.entry("cbs-0x80070002-msdocs-s3-winsxs-dwrite-dll-missing.log", List.of("cbs-winsxs-failed-to-find-file")),
            Map.entry("cbs-0x80070002-msdocs-s4-flpydisk-driver-doqe.log",
                    List.of("cbs-driver-install-result-2-inf", "cbs-doqe-failed-installing-driver-updates")),
            Map.entry("setupact-0x80070002-msdocs-s5-wimmount-imagepath.log",
                    List.of("setupact-wimmount-imagepath-80070002", "setupact-cmountwim-failed-to-mount",
                            "setuperr-cmountwim-failed-to-mount")),
            Map.entry("event-system-20-windowsupdateclient-0x80070002-KB4586793-msdocs-s4.txt",
                    List.of("eventlog-wuclient-event20-install-failure-80070002")),
            Map.entry("cbs-win7-ie11-vbscript-winsxs-backslash-raydbg-2017-11-24.log", List.of("cbs-winsxs-failed-to-find-file")),
            Map.entry("cbs-store-corruption-0x800f0831-msdocs.log",
                    List.of("cbs-store-corruption-manifest-missing", "cbs-e-store-corruption", "cbs-e-store-corruption")),
            Map.entry("cbs-checksur-restorehealth-0x800f081f-not-repaired-msdocs.log",
                    List.of("cbs-checksur-repair-failed-missing-replacement", "cbs-checksur-operation-failed")),
            Map.entry("cbs-sfc-cannot-repair-static-jpg-then-repaired-kb954402-msdocs.log",
                    List.of("cbs-sfc-cannot-repair-member-file", "cbs-sfc-cannot-repair-member-file", "cbs-sfc-repaired-all")),
            Map.entry("cbs-0x80070bc9-pending-transaction-msdocs.log",
                    List.of("cbs-pending-transaction-unresolved", "cbs-reboot-required-80070bc9", "cbs-reboot-required-80070bc9",
                            "wu-reboot-required-80070bc9-lowercase", "wu-reboot-required-80070bc9-lowercase")),
            Map.entry("real-cbs-win10-18362-dism-restorehealth-romi1996-2019-07-29.log",
                    List.of("cbs-csi-hash-mismatch", "cbs-csi-hash-mismatch", "cbs-csi-mark-store-corrupt",
                            "cbs-corruption-repair-succeeded")),
            Map.entry("real-dism-log-win11-22621-appostarsi-2023-05-17.log",
                    List.of("dism-repair-source-not-found", "dism-restorehealth-failed", "dism-repair-source-not-found",
                            "dism-restorehealth-failed")),
            Map.entry("windowsupdate-0x80070070-download-disk-full-msdocs.log", List.of("wu-disk-full-80070070")),
            Map.entry("windowsupdate-0x80072f8f-ssl-clock-msdocs.log",
                    List.of("wu-secure-channel-failed-80072f8f-lowercase", "wu-secure-channel-failed-80072f8f-lowercase",
                            "wu-secure-channel-failed-80072f8f", "wu-secure-channel-failed-80072f8f")),
            Map.entry("real-windowsupdate-decoded-17763-findingsanity-2021-07-13.log", List.of("wu-download-http-403")),
            Map.entry("real-windowsupdate-decoded-win10-raja-fahad-2020-11-19.log",
                    List.of("wu-download-http-403", "wu-download-http-403")),
            Map.entry("windowsupdate-legacy-vista-80072efe-sha2-legacyupdate-2022-11-13.log",
                    List.of("wu-connection-aborted-80072efe-lowercase", "wu-connection-aborted-80072efe-lowercase")),
            Map.entry("windowsupdate-legacy-wsus-80072efd-winhttp-proxy-csdn-repost.log",
                    List.of("wu-cannot-connect-to-service-lowercase", "wu-cannot-connect-to-service-lowercase",
                            "wu-cannot-connect-to-service", "wu-cannot-connect-to-service")),
            Map.entry("setupapi-dev-usb-driver-file-missing-libwdi-16-2013-11-18.log", List.of("setupapi-section-failed-file-not-found")),
            Map.entry("setupact-disk-full-0x80070070-remapped-0xC19001DF-itprodocs-2484-2019-01-14.log", List.of("setupact-disk-full-remapped", "wu-disk-full-80070070", "wu-disk-full-80070070")),
            Map.entry("setupapi-dev-xenbus-coinstaller-file-not-found-xcpng-2018.log",
                    List.of("setupapi-device-install-error-file-not-found")));

    private static List<String> expectedHits(String file) {
        return HITS.getOrDefault(file, List.of());
    }

    @Test
    void aHitCarriesItsLineTimestampTextAndCaptures() {
        ScanResult result = scan(allBuiltin(), TestFiles.bytes(TestFiles.realLog(
                "cbs-0x80070002-msdocs-s1-clr-optimization-ngen-service.log")));

        assertThat(result.matches()).first().satisfies(m -> {
            assertThat(m.signature()).isEqualTo("cbs-clr-optimization-startservice-failed");
            assertThat(m.file()).isEqualTo("test.log");
            assertThat(m.line()).isEqualTo(2);
            assertThat(m.timestamp()).isEqualTo("2018-09-29 08:45:29.414");
            assertThat(m.text()).startsWith("Error CSI 000000fc@2018/9/29").endsWith("[gle=0x80004005]");
            assertThat(m.captures()).isEqualTo(Map.of("service", "clr_optimization_v4.0.30319_32"));
            assertThat(m.count()).isEqualTo(1);
        });
    }

    @Test
    void winSxsHitCapturesTheComponentAndTheFile() {
        ScanResult result = scan(allBuiltin(), TestFiles.bytes(TestFiles.realLog(
                "cbs-0x80070002-msdocs-s3-winsxs-dwrite-dll-missing.log")));

        assertThat(result.matches()).singleElement().extracting(LogMatch::captures).isEqualTo(Map.of(
                "component", "x86_microsoft-windows-directwrite_31bf3856ad364e35_7.1.7601.23545_none_229deeb1ba2a85d3",
                "file", "DWrite.dll"));
    }

    /** The one real log with most lines, and signatures that hit it often, with and without a literal. */
    private static final Path HOFCAKE = TestFiles.realLog("real-cbs-win81-wu-invalid-package-hofcake-2015-02-23.log");

    private static List<Signature> hofcakeSignatures() {
        return List.of(
                signature("invalid-package", "Failed to internally open package\\. \\[HRESULT = (?<hr>0x[0-9a-f]{8})"),
                signature("applicability", "Read out cached applicability from TiLight for package: (?<pkg>\\S+), "
                        + "ApplicableState: (?<state>\\d+)"),
                signature("no-literal-session", "(?i)session: (?<session>\\d+_\\d+) (?:initialized|finalized)"));
    }

    @Test
    void utf16AndLineEndingVariantsOfARealLogGiveTheSameMatches() {
        byte[] original = TestFiles.bytes(HOFCAKE);
        List<LogMatch> expected = scan(hofcakeSignatures(), original).matches();
        assertThat(expected).extracting(LogMatch::signature).contains("invalid-package", "applicability", "no-literal-session");
        assertThat(expected).allSatisfy(m -> assertThat(m.count()).isGreaterThan(1));

        String text = new String(original, StandardCharsets.UTF_8).substring(1); // without the BOM
        assertThat(text).contains("\r\n");
        String lf = text.replace("\r\n", "\n");
        List<byte[]> variants = List.of(
                lf.getBytes(StandardCharsets.UTF_8),
                lf.replace("\n", "\r").getBytes(StandardCharsets.UTF_8),
                encode(text, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
                encode(text, StandardCharsets.UTF_16LE, new byte[0]),
                encode(text, StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
                encode(lf, StandardCharsets.UTF_16BE, new byte[0]),
                encode(lf.replace("\n", "\r"), StandardCharsets.UTF_16LE, new byte[0]));
        for (byte[] variant : variants) {
            assertThat(scan(hofcakeSignatures(), variant).matches()).isEqualTo(expected);
            // Small buffers put chunk boundaries everywhere: inside CRLF pairs and UTF-16 units.
            for (int buffer : new int[] {4096, 4098, 6002}) {
                assertThat(scan(new LogScanner(hofcakeSignatures(), buffer, 1000), variant).matches()).isEqualTo(expected);
            }
        }
    }

    @Test
    void encodingIsReported() {
        assertThat(scan(List.of(), TestFiles.bytes(HOFCAKE)).encoding()).isEqualTo("UTF-8 with BOM");
        String text = "2015-02-23 21:47:27, Info                  CBS    TI: --- Initializing Trusted Installer ---\r\n";
        assertThat(scan(List.of(), encode(text, StandardCharsets.UTF_16LE, new byte[0])).encoding()).isEqualTo("UTF-16LE");
        assertThat(scan(List.of(), encode(text, StandardCharsets.UTF_16BE, new byte[0])).encoding()).isEqualTo("UTF-16BE");
    }

    @Test
    void longLinesAreMatchedOnTheirStartAndCountedWhetherOrNotTheyFitTheBuffer() {
        String hit = "2016-09-28 04:30:30, Info CBS Doqe: Failed installing driver updates [HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]";
        String longHitAtStart = hit + " " + "x".repeat(200_000);
        String longHitBeyondLimit = "y".repeat(70_000) + hit;
        String longerThanBuffer = hit + "z".repeat(3 << 20);
        String log = String.join("\r\n", hit, longHitAtStart, longHitBeyondLimit, longerThanBuffer, "benign", hit) + "\r\n";

        ScanResult result = scan(allBuiltin(), log.getBytes(StandardCharsets.UTF_8));

        assertThat(result.lines()).isEqualTo(6);
        assertThat(result.cutLines()).isEqualTo(3);
        assertThat(result.firstCutLine()).isEqualTo(2);
        assertThat(result.matches()).extracting(LogMatch::line, LogMatch::count).containsExactly(tuple(1L, 4), tuple(6L, 4));
        assertThat(result.warnings()).singleElement().asString().contains("3 line(s) longer than 65536", "first at line 2");
    }

    @Test
    void cutLineKeepsOnlyItsStartAsText() {
        String hit = "Info CBS Doqe: Failed installing driver updates [HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]";
        ScanResult result = scan(allBuiltin(), (hit + "x".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(result.matches()).singleElement().extracting(m -> m.text().length()).isEqualTo(LogScanner.MAX_LINE_CHARS);
    }

    @Test
    void binaryGarbageLinesAreSkippedAndCounted() {
        String hit = "2016-09-28 04:30:30, Info CBS Doqe: Failed installing driver updates [HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((hit + "\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] nulBlock = new byte[8192];              // what a power loss leaves in CBS.log
        out.writeBytes(nulBlock);
        out.writeBytes((hit + "\r\n").getBytes(StandardCharsets.UTF_8)); // glued to the NULs: lost with them
        byte[] random = new byte[3000];
        new Random(42).nextBytes(random);
        for (int i = 0; i < random.length; i++) {
            if (random[i] == '\n' || random[i] == '\r') {
                random[i] = (byte) 0xFE;
            }
        }
        out.writeBytes(random);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        // One stray ANSI byte (0xFC, u-umlaut in Windows-1252) does not make a line garbage.
        out.writeBytes("Info CBS Doqe: Failed installing driver updates [HRESULT = 0x80070002] on M\u00fcnchen\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes((hit + "\r\n").getBytes(StandardCharsets.UTF_8));

        ScanResult result = scan(allBuiltin(), out.toByteArray());

        assertThat(result.lines()).isEqualTo(5);
        assertThat(result.binaryLines()).isEqualTo(2);
        assertThat(result.firstBinaryLine()).isEqualTo(2);
        assertThat(result.matches()).extracting(LogMatch::line).containsExactly(1L, 5L);
        assertThat(result.matches()).first().extracting(LogMatch::count).isEqualTo(3);
        assertThat(result.warnings()).singleElement().asString().contains("skipped 2 line(s) of binary data", "first at line 2");
    }

    @Test
    void thousandsOfHitsKeepTheFirstAndTheLastWithTheCount() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            log.append(String.format("2016-09-28 04:%02d:%02d, Info                  CBS    Session: %d initialized%n", i / 60 % 60, i % 60, i));
            log.append(String.format("2016-09-28 04:%02d:%02d, Info                  CBS    Doqe: Failed installing driver updates "
                    + "[HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]%n", i / 60 % 60, i % 60));
        }

        ScanResult result = scan(allBuiltin(), log.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(result.matches()).extracting(LogMatch::signature, LogMatch::line, LogMatch::timestamp, LogMatch::count)
                .containsExactly(
                        tuple("cbs-doqe-failed-installing-driver-updates", 2L, "2016-09-28 04:00:00", 1000),
                        tuple("cbs-doqe-failed-installing-driver-updates", 2000L, "2016-09-28 04:16:39", 1000));
    }

    /** An emoji (two chars of the text, four bytes of UTF-8) before a hit in the same chunk does not hide it. */
    @Test
    void hitsAfterACharacterBeyondTheBasicPlaneAreFound() {
        String hit = "2016-09-28 04:30:30, Info CBS Doqe: Failed installing driver updates [HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]";
        String log = hit + "\r\n2016-09-28 04:30:30, Info CBS a note \uD83D\uDE00 from the user\r\n" + hit + "\r\n";

        ScanResult result = scan(allBuiltin(), log.getBytes(StandardCharsets.UTF_8));

        assertThat(result.matches()).extracting(LogMatch::line, LogMatch::count).containsExactly(tuple(1L, 2), tuple(3L, 2));
    }

    @Test
    void emptyInputHasNoLines() {
        ScanResult result = scan(allBuiltin(), new byte[0]);

        assertThat(result.lines()).isZero();
        assertThat(result.matches()).isEmpty();
    }

    @Test
    void lastLineWithoutLineBreakIsScanned() {
        ScanResult result = scan(allBuiltin(), "a\r\nInfo CBS Doqe: Failed installing driver updates [HRESULT = 0x80070002"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(result.lines()).isEqualTo(2);
        assertThat(result.matches()).extracting(LogMatch::line).containsExactly(2L);
    }

    private static byte[] encode(String text, java.nio.charset.Charset charset, byte[] bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }
}
