package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.api.RuleProblem;
import io.wudoctor.internal.engine.DrlCompiler;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.engine.trust.TrustScan;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-rules suite (src/test/resources/hostile-rules): each file reaches outside the fact
 * model by its own route, and each payload would connect to a listener this test opens. Both
 * {@code diagnose} and {@code rules validate} refuse every file, and no connection ever arrives:
 * none of the code ran, not even in the fallback compiler that builds error messages.
 */
class HostileRulesTest {

    private static final Path SUITE = Path.of("src/test/resources/hostile-rules");
    private static ServerSocket tripwire;
    private static final AtomicInteger connections = new AtomicInteger();
    private static Thread listener;

    @TempDir
    static Path dir;

    @BeforeAll
    static void openTripwire() throws IOException {
        tripwire = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        listener = new Thread(() -> {
            while (!tripwire.isClosed()) {
                try (Socket s = tripwire.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        listener.setDaemon(true);
        listener.start();
    }

    @AfterAll
    static void noCodeRan() throws IOException {
        tripwire.close();
        assertThat(connections.get()).as("connections from hostile rule code").isZero();
    }

    static List<String> hostile() throws IOException {
        try (Stream<Path> files = Files.list(SUITE)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList();
        }
    }

    /** The file with the tripwire's port filled in, alone in a rules folder of its own. */
    private static Path folderWith(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name.replace(".drl", "")));
        Files.writeString(folder.resolve(name), armed(name));
        return folder;
    }

    private static String armed(String name) throws IOException {
        return Files.readString(SUITE.resolve(name)).replace("@PORT@", String.valueOf(tripwire.getLocalPort()));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void diagnoseRefusesBeforeAnythingRuns(String name) throws IOException {
        CliRun r = CliRun.of("diagnose", "facts-samples/no-evidence.yaml", "--no-builtin-rules", "--rules",
                folderWith(name).toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        // a file that does not compile is refused for that (nothing of it was loaded); every other for what it reaches
        assertThat(r.err()).as(r.toString()).contains(name + ":").contains(name.contains("broken") ? "undefinedVariable" : "unsafe:")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void validateRefusesWithoutRunningAnything(String name) throws IOException {
        CliRun r = CliRun.of("rules", "validate", "--no-builtin-rules", "--rules", folderWith(name).toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.out()).as(r.toString()).contains(name + ":").contains("error:")
                .contains(name.contains("broken") ? "undefinedVariable" : "unsafe:").doesNotContain("Exception");
    }

    /**
     * Without the text check in front, the check of the compiled classes alone refuses every
     * compilable file, each at its own file: the allow-list is what holds, the text check is a
     * fast first pass.
     */
    @Test
    void theCompiledCodeCheckAloneRefusesEveryFile() throws IOException {
        List<PackFile> files = new ArrayList<>();
        for (String name : hostile()) {
            if (!name.contains("broken")) {
                files.add(new PackFile(name, armed(name)));
            }
        }
        List<RuleProblem> problems = new DrlCompiler(dir.resolve("cache")).verify(files);
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("unsafe:").endsWith(TrustScan.REFUSED));
        for (PackFile f : files) {
            assertThat(problems).as(f.name()).anySatisfy(p -> assertThat(p.file()).isEqualTo(f.name()));
        }
        assertThat(problems).anySatisfy(p -> assertThat(p.toString())
                .contains("exploit-chain.drl:3: rule \"exploit chain\": unsafe: calls io.wudoctor.facts.Surface.getDeclaringClass"));
        Path cache = dir.resolve("cache");
        assertThat(!Files.exists(cache) || Files.list(cache).findAny().isEmpty()).as("a refused module is not cached").isTrue();
    }

    @Test
    void theTextCheckNoLongerDecidesAlone() throws IOException {
        // the exploit chain passes the text check: only the compiled-code check stops it
        assertThat(TrustScan.scan(new PackFile("exploit-chain.drl", armed("exploit-chain.drl")))).isEmpty();
    }
}
