package io.wudoctor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository speaks for itself: no doc, rule, sample, script or source names a place outside
 * it (the project's shared folder beside the checkout, a build machine's absolute paths), which
 * a reader of a fresh clone or of the release does not have.
 */
class SelfContainedTest {

    private static final List<String> TREES = List.of("README.md", "docs", "rules", "facts-samples", "scripts", "bench",
            "src", ".ci", "wudoctor", "wudoctor.cmd", "pom.xml");
    // Built by concatenation so that this file does not match itself.
    private static final Pattern OUTSIDE = Pattern.compile(String.join("|",
            Pattern.quote("../" + "shared"), Pattern.quote("/" + "work/"), "shared/(seeds|real-logs|baselines)",
            "(?<![\\w$}])/" + "root/", "(?<![\\w$}])/home/[a-z]+/"));

    @Test
    void noFileNamesAPlaceOutsideTheRepository() throws IOException {
        List<String> hits = new ArrayList<>();
        for (String tree : TREES) {
            try (Stream<Path> files = Files.walk(Path.of(tree))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text;
                    try {
                        text = Files.readString(f, StandardCharsets.UTF_8);
                    } catch (MalformedInputException binaryOrUtf16) {
                        continue; // recorded logs in other encodings: their content is evidence, not ours
                    }
                    String[] lines = text.split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        if (OUTSIDE.matcher(lines[i]).find()) {
                            hits.add(f + ":" + (i + 1) + ": " + lines[i].strip());
                        }
                    }
                }
            }
        }
        assertThat(hits).as("paths outside the repository").isEmpty();
    }
}
