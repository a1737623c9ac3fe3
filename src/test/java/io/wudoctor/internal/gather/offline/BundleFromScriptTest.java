package io.wudoctor.internal.gather.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wudoctor.TestRules;
import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.EventRecord;
import io.wudoctor.facts.Facts;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.RegistryKey;
import io.wudoctor.facts.ServiceState;
import io.wudoctor.facts.ServiceStatus;
import io.wudoctor.facts.StartType;
import io.wudoctor.internal.gather.SourceLoader;
import io.wudoctor.testing.Roots;
import io.wudoctor.testing.TestFiles;
import io.wudoctor.testing.Zips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle exactly as scripts/Collect-WudoctorEvidence.ps1 writes it (src/test/resources/bundle-ps1,
 * see its README): its facts.yaml, its event XML and the logs at their places, zipped with the
 * backslash separators of Windows PowerShell 5.1.
 */
class BundleFromScriptTest {

    @TempDir
    Path tmp;

    /** The logs the fixture puts at their places in the bundle, by bundle path. */
    private static final java.util.Map<String, String> LOGS = java.util.Map.of(
            "Windows/Logs/CBS/CBS.log", "cbs-0x80070002-msdocs-s4-flpydisk-driver-doqe.log",
            "Windows/Logs/DISM/dism.log", "real-dism-log-win11-22621-appostarsi-2023-05-17.log",
            "Windows/Panther/setupact.log", "real-setupact-upgrade-user-cancel-0x800704D3-copyleft21-2024-03-28.log");

    private static String script() throws IOException {
        return Files.readString(Path.of("scripts", "Collect-WudoctorEvidence.ps1"));
    }

    /** The quoted strings of one of the script's {@code $Name = @(...)} lists. */
    private static List<String> scriptList(String name) throws IOException {
        Matcher list = Pattern.compile("(?s)\\$" + name + " = @\\((.*?)\\)\\r?\\n").matcher(script());
        assertThat(list.find()).as("the script's $%s list", name).isTrue();
        List<String> values = new ArrayList<>();
        Matcher quoted = Pattern.compile("'([^']*)'").matcher(list.group(1));
        while (quoted.find()) {
            values.add(quoted.group(1));
        }
        return values;
    }

    /** The fixture's files: what the script writes itself (Add-Text), beside the logs it copies. */
    private static Set<String> fixtureFiles() throws IOException {
        Path written = TestFiles.resource("bundle-ps1");
        try (Stream<Path> files = Files.walk(written)) {
            return files.filter(Files::isRegularFile).map(f -> written.relativize(f).toString().replace('\\', '/'))
                    .filter(n -> !n.equals("README.md") && !n.equals(".gitattributes")).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Every key a YAML-ish file uses (block keys, and keys inside {flow: mappings}). */
    private static Set<String> keys(String text) {
        Set<String> keys = new java.util.TreeSet<>();
        Matcher key = Pattern.compile("(?m)(?:^\\s*|[{,]\\s*)([A-Za-z]+):(?: |$)").matcher(text.replaceAll("(?m)^#.*$", ""));
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }

    /**
     * The hand-made bundle is tied to the script: the same files as the script's Add-Text calls
     * write, only keys the script writes, its checked paths, services and service keys (plus the
     * drivers the script's own pattern finds in the bundled CBS.log), logs only at its places.
     */
    @Test
    void theFixtureHoldsWhatTheScriptWrites() throws IOException {
        String script = script();
        Set<String> written = new HashSet<>();
        Matcher addText = Pattern.compile("Add-Text '([^']+)'").matcher(script);
        while (addText.find()) {
            written.add(addText.group(1));
        }
        assertThat(written).hasSizeGreaterThanOrEqualTo(4);
        assertThat(fixtureFiles()).isEqualTo(written);

        Path fixture = TestFiles.resource("bundle-ps1");
        for (String file : List.of("facts.yaml", "wudoctor/collector.txt")) {
            assertThat(keys(Files.readString(fixture.resolve(file)))).as("keys of %s", file).isNotEmpty()
                    .allSatisfy(k -> assertThat(script).as("the script writes %s's key %s", file, k)
                            .containsPattern("['\"{,]\\s*" + k + ":"));
        }

        Facts facts = io.wudoctor.internal.gather.factsfile.FactsReader.read(fixture.resolve("facts.yaml"));
        assertThat(facts.paths()).extracting(p -> p.path().substring("C:\\".length())).containsExactlyElementsOf(scriptList("CheckedPaths"));
        assertThat(facts.services()).extracting(ServiceState::name).containsExactlyElementsOf(scriptList("Services"));
        Matcher driverPattern = Pattern.compile("Get-LoggedDriverServices[^\\n]*\\n[^']*'([^']+)'").matcher(script);
        assertThat(driverPattern.find()).as("the script's pattern for failed driver installs").isTrue();
        Set<String> keys = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        keys.addAll(scriptList("ServiceKeys"));
        Matcher driver = Pattern.compile(driverPattern.group(1)).matcher(Files.readString(TestFiles.realLog(LOGS.get("Windows/Logs/CBS/CBS.log"))));
        while (driver.find()) {
            keys.add(driver.group(1));
        }
        assertThat(facts.registry()).extracting(k -> k.key().substring("HKLM\\SYSTEM\\CurrentControlSet\\Services\\".length()))
                .containsExactlyElementsOf(keys);

        assertThat(scriptPlaces()).containsAll(LOGS.keySet());
    }

    private Path scriptBundle() throws IOException {
        Path staging = tmp.resolve("staging");
        Path written = TestFiles.resource("bundle-ps1");
        try (Stream<Path> files = Files.walk(written)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals("README.md") && !name.equals(".gitattributes")) {
                    Path to = staging.resolve(written.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Roots root = Roots.at(staging);
        LOGS.forEach(root::log);
        return Zips.ofFolder(tmp.resolve("wudoctor-bundle-SERVER01-20201120-091244.zip"), staging, "/");
    }

    @Test
    void theScriptsBundleGivesItsMeasuredFactsLogMatchesAndEvents() throws IOException {
        Facts facts = SourceLoader.load(scriptBundle(), TestRules::signatures, GatherListener.SILENT);

        assertThat(facts.os().edition()).isEqualTo("Windows Server 2016 Datacenter");
        assertThat(facts.disk().freeBytes()).isEqualTo(41_875_116_032L);
        assertThat(facts.time().synced()).isTrue();
        assertThat(facts.system().pendingRestart()).isFalse();
        assertThat(facts.services()).hasSize(6).contains(
                new ServiceState("bits", ServiceStatus.RUNNING, StartType.AUTOMATIC_DELAYED, null));
        assertThat(facts.registry()).extracting(RegistryKey::key, RegistryKey::exists)
                .contains(tuple("HKLM\\SYSTEM\\CurrentControlSet\\Services\\flpydisk", false));
        // The bundle is a partial copy: its paths are the ones the script measured, none derived.
        assertThat(facts.paths()).hasSize(9);
        assertThat(facts.logMatches()).extracting(LogMatch::signature, LogMatch::file, LogMatch::line)
                .filteredOn(t -> !t.toList().get(0).toString().startsWith("context-")).containsExactly(
                tuple("cbs-driver-install-result-2-inf", "C:\\Windows\\Logs\\CBS\\CBS.log", 1L),
                tuple("cbs-doqe-failed-installing-driver-updates", "C:\\Windows\\Logs\\CBS\\CBS.log", 2L),
                // the real dism.log's two failed RestoreHealth runs (first and last hit of each signature)
                tuple("dism-repair-source-not-found", "C:\\Windows\\Logs\\DISM\\dism.log", 592L),
                tuple("dism-restorehealth-failed", "C:\\Windows\\Logs\\DISM\\dism.log", 596L),
                tuple("dism-repair-source-not-found", "C:\\Windows\\Logs\\DISM\\dism.log", 673L),
                tuple("dism-restorehealth-failed", "C:\\Windows\\Logs\\DISM\\dism.log", 677L),
                tuple("eventlog-wuclient-event20-install-failure-80070002",
                        "wudoctor\\events\\system-windowsupdateclient.xml", 1L));
        assertThat(facts.logMatches().get(0).captures()).containsEntry("service", "flpydisk");
        assertThat(facts.events()).extracting(EventRecord::id, EventRecord::kb, EventRecord::code, EventRecord::service)
                .containsExactly(tuple(7040, null, null, "bits"), tuple(20, "KB4586793", "0x80070002", null),
                        tuple(19, "KB2267602", null, null));
        // -KB: the incident the person named wins over the one the evidence shows (setup's 0x800704D3)
        assertThat(facts.incident().kb()).isEqualTo("KB4586793");
        assertThat(facts.incident().seenIn()).isNull();
        assertThat(facts.system().monthsWithoutUpdates()).isEqualTo(1);
    }

    @Test
    void whatTheScriptLeftOutIsAWarning() throws IOException {
        List<String> warnings = new ArrayList<>();
        SourceLoader.load(scriptBundle(), TestRules::signatures, new io.wudoctor.api.GatherListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        });

        assertThat(warnings).contains("the bundle left out Windows/Logs/CBS/CbsPersist_20201101120000.cab (212.4 MiB): over "
                + "the -MaxSizeMB cap; the diagnosis cannot see it");
        assertThat(warnings).noneMatch(w -> w.contains("administrator"));
    }

    private static final Set<String> NOT_YET_READ = Set.of("$WINDOWS.~BT/Sources/Rollback/setupact.log",
            "$WINDOWS.~BT/Sources/Rollback/setuperr.log", "Windows/Logs/CBS/CheckSUR.log", "Windows/Logs/CBS/CheckSUR.persist.log",
            "Windows/INF/setupapi.dev.log");

    /** The script's $LogPlaces, as (folder, file filter) with '/' separators. */
    private static List<String> scriptPlaces() throws IOException {
        String script = script();
        Matcher block = Pattern.compile("(?s)\\$LogPlaces = @\\((.*?)\\n\\)").matcher(script);
        assertThat(block.find()).as("the script's $LogPlaces list").isTrue();
        Matcher place = Pattern.compile("@\\('([^']+)', '([^']+)'\\)").matcher(block.group(1));
        List<String> places = new ArrayList<>();
        while (place.find()) {
            places.add(place.group(1).replace('\\', '/') + "/" + place.group(2));
        }
        return places;
    }

    @Test
    void theScriptCollectsEveryPlaceWudoctorReadsOnTheDrive() throws IOException {
        List<String> script = scriptPlaces().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();

        assertThat(script).containsAll(LogPlaces.drivePatterns().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList());
        assertThat(script).contains(PendingRestart.PENDING_XML.toLowerCase(Locale.ROOT));
    }

    @Test
    void whatTheScriptCollectsIsReadByWudoctorFromABundle() throws IOException {
        // A file at every place the script collects from, named as its filter allows.
        Roots root = Roots.at(tmp);
        for (String place : scriptPlaces()) {
            root.file(place.replace("*", "20240101120000"), "2024-01-01 12:00:00, Info CBS line\r\n".getBytes(StandardCharsets.UTF_8));
        }
        Set<String> read = new HashSet<>();
        LogPlaces.find(new WindowsRoot(tmp, "C:")).forEach(f -> read.add(tmp.relativize(f.file()).toString().replace('\\', '/')));

        List<String> unread = scriptPlaces().stream().map(p -> p.replace("*", "20240101120000"))
                .filter(p -> !read.contains(p)).toList();
        // pending.xml is state, not a log (PendingRestart); compressed rotated CBS logs are collected for a person to
        // expand. NOT_YET_READ: places the log-evidence work adds to LogPlaces (docs/evidence.md); empty once it has.
        assertThat(unread).allMatch(p -> p.equals(PendingRestart.PENDING_XML) || p.endsWith(".cab") || NOT_YET_READ.contains(p),
                "only pending.xml and .cab files");
    }
}
