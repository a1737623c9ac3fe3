package io.wudoctor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every option the documentation passes to the collector script is one of its parameters: the
 * script cannot run here (no PowerShell), so a renamed parameter would otherwise only show on a
 * Windows machine, as "A parameter cannot be found that matches parameter name".
 */
class CollectorOptionsDocTest {

    private static final Path SCRIPT = Path.of("scripts", "Collect-WudoctorEvidence.ps1");

    /** The names in the script's param( ... ) block. */
    private static Set<String> parameters() throws IOException {
        String script = Files.readString(SCRIPT);
        int start = script.indexOf("param(");
        int end = script.indexOf("\n)", start);
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Matcher m = Pattern.compile("\\]\\s*\\$(\\w+)").matcher(script.substring(start, end));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyOptionTheDocsGiveTheScriptIsAParameterOfIt() throws IOException {
        Set<String> parameters = parameters();
        assertThat(parameters).contains("OutFolder", "MaxSizeMB", "KB", "Surface");
        Pattern call = Pattern.compile("Collect-WudoctorEvidence\\.ps1((?:\\s+-\\w+(?:\\s+(?!-)[^\\s`|]+)?)+)");
        Pattern option = Pattern.compile("\\s-(\\w+)");
        List<String> unknown = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> docs = Stream.concat(Stream.of(Path.of("README.md")), Files.list(Path.of("docs")))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                Matcher c = call.matcher(Files.readString(doc));
                while (c.find()) {
                    calls++;
                    Matcher o = option.matcher(c.group(1));
                    while (o.find()) {
                        if (!parameters.contains(o.group(1))) {
                            unknown.add(doc + ": -" + o.group(1));
                        }
                    }
                }
            }
        }
        assertThat(calls).as("documented calls of the script").isGreaterThanOrEqualTo(2);
        assertThat(unknown).isEmpty();
    }
}
