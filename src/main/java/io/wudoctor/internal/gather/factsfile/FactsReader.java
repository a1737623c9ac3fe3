package io.wudoctor.internal.gather.factsfile;

import io.wudoctor.api.BadInputException;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.yaml.StrictMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a facts file (YAML or JSON, schemaVersion 1) strictly. */
public final class FactsReader {

    /**
     * The most a facts file may hold: the YAML parser's own limit (3 Mi code points), checked
     * before parsing starts, so a huge file is refused at once instead of after a slow parse.
     */
    public static final int MAX_CHARS = 3 << 20;
    /**
     * The longest line: the parser slows down more than linearly on one very long value (4 MB:
     * about 25 s). A log line is matched on its first 64 Ki characters, so a facts file
     * wudoctor wrote never comes near this.
     */
    public static final int MAX_LINE_CHARS = 128 << 10;

    private FactsReader() {
    }

    public static Facts read(Path file) {
        return read(file, file.toString());
    }

    /** Reads {@code file}, naming it {@code name} in messages (a file in an unpacked bundle is named after the zip). */
    public static Facts read(Path file, String name) {
        String content;
        try {
            if (Files.size(file) > 4L * MAX_CHARS) { // more bytes than any text of MAX_CHARS characters takes in UTF-8
                throw tooLarge(name, Files.size(file) + " bytes");
            }
            content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file");
        } catch (CharacterCodingException e) {
            throw new BadInputException(name + ": not UTF-8 text (save the facts file as UTF-8)");
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read: " + e.getMessage());
        }
        return parse(name, content);
    }

    private static BadInputException tooLarge(String name, String size) {
        return new BadInputException(name + ": " + size + ", more than the " + MAX_CHARS + " characters a facts file may hold "
                + "(facts files hold findings, not whole logs: give the logs as an offline root or bundle instead)");
    }

    /** One pass over the text, before the parser sees it. */
    private static void refuseLongLines(String name, String content) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= content.length(); i++) {
            if (i == content.length() || content.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    throw new BadInputException(name + ":" + line + ":1: a line of " + (i - start) + " characters, longer than the "
                            + MAX_LINE_CHARS + " a facts file line may have");
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** Parses facts from text; {@code name} is used in messages and picks JSON (.json) or YAML. */
    public static Facts parse(String name, String content) {
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        if (content.length() > MAX_CHARS) {
            throw tooLarge(name, content.length() + " characters");
        }
        refuseLongLines(name, content);
        Facts facts;
        try {
            facts = StrictMapper.read(name, content, Facts.class, true);
        } catch (StrictMapper.Problem p) {
            throw new BadInputException(p.getMessage());
        }
        if (facts.schemaVersion() == 0) {
            throw new BadInputException(name + ":1:1: missing required field 'schemaVersion' (this wudoctor reads "
                    + Facts.SCHEMA_VERSION + ")");
        }
        if (facts.schemaVersion() != Facts.SCHEMA_VERSION) {
            throw new BadInputException(name + ": schemaVersion " + facts.schemaVersion()
                    + " is not supported (this wudoctor reads schemaVersion " + Facts.SCHEMA_VERSION + ")");
        }
        return facts;
    }
}
