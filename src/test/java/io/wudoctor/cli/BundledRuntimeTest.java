package io.wudoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped class-data archive is valid only for the class path text it was recorded with, so
 * the launcher must name the jars exactly as {@link BundledRuntime} did. (.ci/run checks on the
 * built archive that the JVM really takes the classes from it.)
 */
class BundledRuntimeTest {

    @Test
    void theLauncherOpensTheDescriptorTheArchiveNamesTheJarsThrough() throws IOException {
        String launcher = Files.readString(Path.of("wudoctor"));
        int fd = BundledRuntime.LIB_FD;
        assertThat(launcher).contains("exec " + fd + "<\"$home/lib\"")
                .contains("printf '/dev/fd/" + fd + "/%s:'");
        assertThat(BundledRuntime.descriptorClasspath(List.of(Path.of("out/lib/a.jar"), Path.of("out/lib/b.jar"))))
                .isEqualTo("/dev/fd/" + fd + "/a.jar:/dev/fd/" + fd + "/b.jar");
    }
}
