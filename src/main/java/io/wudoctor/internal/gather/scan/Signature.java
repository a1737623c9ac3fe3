package io.wudoctor.internal.gather.scan;

import io.wudoctor.facts.LogKind;
import io.wudoctor.internal.kb.SignatureDef;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A log signature ready to scan with: its compiled pattern, the literal text every match
 * contains (null when none could be found) and the names of its captures.
 */
public record Signature(String id, LogKind log, Pattern pattern, String literal, List<String> captureNames) {

    public static Signature compile(SignatureDef def) {
        RegexShape shape = RegexShape.of(def.pattern());
        return new Signature(def.id(), def.log(), Pattern.compile(def.pattern()), shape.literal(), shape.groupNames());
    }
}
