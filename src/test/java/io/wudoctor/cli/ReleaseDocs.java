package io.wudoctor.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.AutoComplete;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * A build step of the release profile (not shipped: it lives with the tests so that its tools,
 * picocli-codegen and AsciidoctorJ, stay out of the jar's dependencies). From the command line's
 * own definition it writes {@code completion/wudoctor.bash} (bash; zsh through bashcompinit)
 * and {@code man/man1/*.1} (man pages, via picocli's AsciiDoc pages).
 */
public final class ReleaseDocs {

    private ReleaseDocs() {
    }

    /** @param args the output folder */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path completion = Files.createDirectories(out.resolve("completion"));
        Files.writeString(completion.resolve("wudoctor.bash"), AutoComplete.bash("wudoctor", Main.commandLine()),
                StandardCharsets.UTF_8);

        Path adoc = Files.createDirectories(out.resolve("../man-adoc").normalize());
        if (ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], true,
                Main.commandLine().getCommandSpec()) != 0) {
            throw new IllegalStateException("picocli could not generate the man pages");
        }
        Path man1 = Files.createDirectories(out.resolve("man/man1"));
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create(); Stream<Path> pages = Files.list(adoc)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
                asciidoctor.convertFile(page.toFile(), Options.builder().backend("manpage").safe(SafeMode.UNSAFE)
                        .toDir(man1.toFile()).mkDirs(true).build());
            }
        }
        try (Stream<Path> made = Files.list(man1)) {
            if (made.findAny().isEmpty()) {
                throw new IllegalStateException("no man page was written to " + man1 + File.separator);
            }
        }
    }
}
