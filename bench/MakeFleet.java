import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates a fleet for the batch and Spark benchmarks and tests, deterministically:
 * FACTS facts files (the worked examples in facts-samples/, each with a KB and an OS build of
 * the fleet) and BUNDLES bundle zips laid out as scripts/Collect-WudoctorEvidence.ps1 writes them,
 * made from the real logs in src/test/resources/real-logs (a CBS.log and, by turns, a
 * WindowsUpdate.log, a setupact.log, a DISM log and an Event 20 export, plus a facts.yaml).
 * With --hostile it adds a corrupt zip, a zip bomb (64 MiB of zeros in a 64 KiB zip: refused
 * under --max-bundle-mb 16 or less) and a facts file with a YAML syntax error.
 *
 * Run from the repository root:
 *   java -cp "target/lib/*" bench/MakeFleet.java OUT FACTS BUNDLES [--hostile]
 */
public class MakeFleet {

    static final String[] KBS = {"KB5034441", "KB5034763", "KB5035845", "KB5036893", "KB5037771", "KB5039211"};
    static final String[] BUILDS = {"19045.3930", "19045.4046", "22631.3155", "22621.3296", "20348.2322", "17763.5458"};
    static final String[] CBS = {
        "cbs-0x80070002-msdocs-s1-clr-optimization-ngen-service.log",
        "cbs-0x80070002-msdocs-s2-status-object-name-not-found-system-tools-folder.log",
        "cbs-0x80070002-msdocs-s3-winsxs-dwrite-dll-missing.log",
        "cbs-0x80070002-msdocs-s4-flpydisk-driver-doqe.log",
        "loghub-windows-2k-cbs.log",
        "real-cbs-win10-18362-dism-restorehealth-romi1996-2019-07-29.log",
        "real-cbs-win10-19041-appostarsi-2023-05-22.log",
        "real-cbs-win81-wu-invalid-package-hofcake-2015-02-23.log"};
    static final String[] WU = {
        "real-windowsupdate-decoded-17763-findingsanity-2021-07-13.log",
        "real-windowsupdate-decoded-win10-raja-fahad-2020-11-19.log",
        "windowsupdate-legacy-2008r2-scan-0x80070057-theorypc-2016-10-19.log"};
    static final String[] SETUPACT = {
        "setupact-0x80070002-msdocs-s5-wimmount-imagepath.log",
        "real-setupact-upgrade-user-cancel-0x800704D3-copyleft21-2024-03-28.log"};
    static final String EVENT20 = "event-system-20-windowsupdateclient-0x80070002-KB4586793-msdocs-s4.txt";
    static final String DISM = "real-dism-log-win11-22621-appostarsi-2023-05-17.log";

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java -cp \"target/lib/*\" bench/MakeFleet.java OUT FACTS BUNDLES [--hostile]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int facts = Integer.parseInt(args[1]);
        int bundles = Integer.parseInt(args[2]);
        boolean hostile = args.length > 3 && args[3].equals("--hostile");
        Path logs = Path.of("src/test/resources/real-logs");
        Files.createDirectories(out);
        writeFacts(out, facts, Path.of("facts-samples"));
        writeBundles(out, bundles, logs);
        if (hostile) {
            writeHostile(out);
        }
    }

    static void writeFacts(Path out, int count, Path samples) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<Path> files;
        try (var s = Files.list(samples)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<ObjectNode> trees = new ArrayList<>();
        for (Path f : files) {
            trees.add((ObjectNode) yaml.readTree(f.toFile()));
        }
        for (int i = 0; i < count; i++) {
            ObjectNode facts = trees.get(i % trees.size()).deepCopy();
            if (facts.get("incident") instanceof ObjectNode incident && i % 5 != 0) {
                incident.put("kb", KBS[i % KBS.length]);
            }
            ObjectNode os = facts.get("os") instanceof ObjectNode o ? o : facts.putObject("os");
            os.put("build", BUILDS[(i / 7) % BUILDS.length]);
            yaml.writeValue(out.resolve(String.format("facts-%05d.yaml", i)).toFile(), facts);
        }
    }

    static void writeBundles(Path out, int count, Path logs) throws IOException {
        for (int i = 0; i < count; i++) {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out.resolve(String.format("bundle-%04d.zip", i))))) {
                String facts = "schemaVersion: 1\nincident:\n  surface: windows-update\n  kb: " + KBS[i % KBS.length]
                        + "\nos:\n  edition: Windows 10 Enterprise\n  build: '" + BUILDS[(i / 3) % BUILDS.length] + "'\n";
                entry(zip, "facts.yaml", facts.getBytes());
                entry(zip, "Windows/Logs/CBS/CBS.log", Files.readAllBytes(logs.resolve(CBS[i % CBS.length])));
                if (i % 2 == 0) {
                    entry(zip, "Windows/WindowsUpdate.log", Files.readAllBytes(logs.resolve(WU[(i / 2) % WU.length])));
                }
                if (i % 3 == 0) {
                    entry(zip, "$WINDOWS.~BT/Sources/Panther/setupact.log", Files.readAllBytes(logs.resolve(SETUPACT[(i / 3) % SETUPACT.length])));
                }
                if (i % 4 == 1) {
                    entry(zip, "wudoctor/events/system.txt", Files.readAllBytes(logs.resolve(EVENT20)));
                }
                if (i % 5 == 2) {
                    entry(zip, "Windows/Logs/DISM/dism.log", Files.readAllBytes(logs.resolve(DISM)));
                }
            }
        }
    }

    static void writeHostile(Path out) throws IOException {
        Files.write(out.resolve("hostile-corrupt.zip"), "PK\u0003\u0004 this is no zip".getBytes());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out.resolve("hostile-bomb.zip")))) {
            zip.putNextEntry(new ZipEntry("Windows/Logs/CBS/CBS.log"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        Files.writeString(out.resolve("hostile-syntax-error.yaml"), "schemaVersion: 1\nincident:\n  surface: windows-update\n  kb: \"KB5034441\n");
    }

    static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
