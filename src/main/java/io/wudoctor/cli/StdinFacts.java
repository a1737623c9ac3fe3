package io.wudoctor.cli;

import io.wudoctor.api.BadInputException;
import io.wudoctor.facts.Facts;
import io.wudoctor.internal.gather.factsfile.FactsReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** A facts file read from standard input ({@code diagnose -}): YAML, or JSON, which YAML reads too. */
final class StdinFacts {

    /** The SOURCE that means stdin. */
    static final String NAME = "-";
    /** How messages name it: {@code <stdin>:LINE:COLUMN: ...}. */
    static final String SHOWN_AS = "<stdin>";

    private final InputStream in;

    StdinFacts(InputStream in) {
        this.in = in;
    }

    Facts read() {
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(SHOWN_AS + ": not UTF-8 text (send the facts file as UTF-8)");
        } catch (IOException e) {
            throw new BadInputException(SHOWN_AS + ": cannot read: " + e.getMessage());
        }
        if (content.isBlank()) {
            throw new BadInputException(SHOWN_AS + ": empty: expected a facts file (docs/facts.md) on standard input");
        }
        return FactsReader.parse(SHOWN_AS, content);
    }
}
