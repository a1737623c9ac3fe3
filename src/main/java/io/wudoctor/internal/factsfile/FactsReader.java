package io.wudoctor.internal.factsfile;

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

    private FactsReader() {
    }

    public static Facts read(Path file) {
        return read(file, file.toString());
    }

    /** Reads {@code file}, naming it {@code name} in messages (a file in an unpacked bundle is named after the zip). */
    public static Facts read(Path file, String name) {
        String content;
        try {
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

    /** Parses facts from text; {@code name} is used in messages and picks JSON (.json) or YAML. */
    public static Facts parse(String name, String content) {
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        Facts facts;
        try {
            facts = StrictMapper.read(name, content, Facts.class);
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
