package io.wudoctor.internal.authoring.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML file starts, by JSON pointer ({@code /fixes/3/requires/1} is
 * line 42), so a message about any field of any entry names its exact line.
 */
public final class YamlLines {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** The lines of a file; a file that is not YAML yields what was read before the error. */
    public static YamlLines of(String content) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(content)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the loader reports the syntax error with its line; keep what was read
        }
        return new YamlLines(lines);
    }

    /** The line of a pointer, else of its nearest recorded parent; 0 when none. */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = p.lastIndexOf('/');
            if (cut < 0) {
                return 0;
            }
            p = p.substring(0, cut);
        }
    }
}
