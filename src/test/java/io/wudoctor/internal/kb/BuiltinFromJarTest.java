package io.wudoctor.internal.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.api.RulePackInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in pack read from a jar, as the packaged tool reads it (tests otherwise read it
 * from target/classes): several builders at once in one JVM, and with the jar's file system
 * already open elsewhere in the process, as an embedding application may have it.
 */
class BuiltinFromJarTest {

    @TempDir
    Path dir;

    /** A jar holding the repository's rules/ folder under wudoctor/rules, as the build packs it. */
    private URL packagedRules() throws IOException {
        Path jar = dir.resolve("wudoctor-test.jar");
        Path rules = Path.of("rules");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> walk = Files.walk(rules)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(RulePackLoader.BUILTIN_RESOURCE + "/" + rules.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }
        return URI.create("jar:" + jar.toUri() + "!/" + RulePackLoader.BUILTIN_RESOURCE).toURL();
    }

    @Test
    void aJarAndAFolderOfTheSameRulesGiveTheSamePackHashAndFiles() throws Exception {
        RulePackLoader fromJar = new RulePackLoader().builtin(packagedRules());
        RulePackLoader fromFolder = new RulePackLoader().builtin(Path.of("rules").toUri().toURL());

        assertThat(fromJar.info()).isEqualTo(fromFolder.info());
        assertThat(fromJar.load()).isEqualTo(fromFolder.load());
        assertThat(fromJar.drlFiles()).hasSizeGreaterThan(5).allSatisfy(f -> assertThat(f.name()).startsWith(RulePackLoader.BUILTIN_PREFIX));
    }

    @Test
    void eightBuildersAtOnceEachReadTheWholePack() throws Exception {
        URL url = packagedRules();
        RulePackInfo.Builtin expected = new RulePackLoader().builtin(url).info().builtin();
        assertThat(expected.files()).isGreaterThan(10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RulePackInfo.Builtin>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return new RulePackLoader().builtin(url).info().builtin();
                }));
            }
            start.countDown();
            for (Future<RulePackInfo.Builtin> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theJarsFileSystemOpenElsewhereInTheProcessIsNoObstacle() throws Exception {
        URL url = packagedRules();
        // what an embedding application (or another library) may hold open: by URI, one per jar
        try (FileSystem held = FileSystems.newFileSystem(URI.create("jar:" + dir.resolve("wudoctor-test.jar").toUri()), Map.of())) {
            RulePack pack = new RulePackLoader().builtin(url).load();
            assertThat(pack.drl()).isNotEmpty();
            assertThat(held.isOpen()).isTrue(); // not closed under the application's feet
        }
    }
}
