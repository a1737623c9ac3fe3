package io.wudoctor.internal.engine;

import io.wudoctor.internal.kb.PackFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a DRL expression a compiler message quotes is written. The compiler quotes it
 * as it parsed it ({@code after $a} for {@code after($a)}), so its words are looked for in
 * order with only spaces, parentheses and commas between them.
 */
final class ExpressionLocator {

    /** A file and a 1-based line. */
    record Location(PackFile file, int line) {
    }

    private ExpressionLocator() {
    }

    static Optional<Location> find(List<PackFile> drl, String expression) {
        List<String> words = List.of(expression.strip().split("[\\s(),]+")).stream().filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Pattern written = Pattern.compile(String.join("[\\s(),]*", words.stream().map(Pattern::quote).toList()));
        for (PackFile f : drl) {
            Matcher m = written.matcher(f.content());
            if (m.find()) {
                return Optional.of(new Location(f, lineOf(f.content(), m.start())));
            }
        }
        return Optional.empty();
    }

    static int lineOf(String content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
