package io.wudoctor.internal.gather.scan;

import io.wudoctor.facts.LogKind;
import io.wudoctor.internal.kb.RegexShape;
import io.wudoctor.internal.kb.SignatureDef;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A log signature ready to scan with: its compiled pattern, the literal text every match
 * contains (null when none could be found), the names of its captures and its context lines
 * (outer first; see {@link SignatureDef}).
 */
public record Signature(String id, LogKind log, Pattern pattern, String literal, List<String> captureNames,
        List<Context> context) {

    /** A context line's pattern, its literal (always present: see {@link SignatureDef#problem()}) and capture names. */
    public record Context(Pattern pattern, String literal, List<String> captureNames) {
    }

    public Signature {
        context = List.copyOf(context);
    }

    public static Signature compile(SignatureDef def) {
        RegexShape shape = RegexShape.of(def.pattern());
        List<Context> context = def.context().stream().map(c -> {
            RegexShape s = RegexShape.of(c);
            return new Context(Pattern.compile(c), s.literal(), s.groupNames());
        }).toList();
        return new Signature(def.id(), def.log(), Pattern.compile(def.pattern()), shape.literal(), shape.groupNames(), context);
    }
}
