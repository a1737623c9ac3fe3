package io.wudoctor.internal.gather.scan;

import io.wudoctor.api.BadRulesException;
import io.wudoctor.api.RuleProblem;
import io.wudoctor.facts.LogKind;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.kb.SignatureDef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The compiled log signatures of a rule pack, by the kind of log they apply to. */
public final class SignatureSet {

    private final Map<LogKind, List<Signature>> byLog = new EnumMap<>(LogKind.class);
    /** One scanner per kind of log, built when first needed (its regexes compile once, not once per file). */
    private final Map<LogKind, LogScanner> scanners = new ConcurrentHashMap<>();

    private SignatureSet(List<Signature> signatures) {
        for (LogKind kind : LogKind.values()) {
            byLog.put(kind, signatures.stream().filter(s -> s.log() == kind).toList());
        }
    }

    /**
     * Compiles every signature. The pack loader reports bad patterns with file and line already;
     * this check only guards callers that build signatures some other way.
     *
     * @throws BadRulesException naming every signature whose pattern does not compile
     */
    public static SignatureSet compile(List<SignatureDef> defs) {
        List<Signature> compiled = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (SignatureDef def : defs) {
            def.problem().ifPresentOrElse(
                    p -> problems.add(new RuleProblem("signature " + def.id(), 0, p)),
                    () -> compiled.add(Signature.compile(def)));
        }
        if (!problems.isEmpty()) {
            throw new BadRulesException(problems);
        }
        return new SignatureSet(compiled);
    }

    /** The signatures of a loaded pack. @throws BadRulesException listing the pack's problems, if it has any */
    public static SignatureSet of(RulePack pack) {
        if (!pack.problems().isEmpty()) {
            throw new BadRulesException(pack.problems());
        }
        return compile(pack.signatures());
    }

    public List<Signature> forLog(LogKind kind) {
        return byLog.get(kind);
    }

    /** The scanner for this kind of log; safe to share between threads (each scan keeps its own state). */
    public LogScanner scanner(LogKind kind) {
        return scanners.computeIfAbsent(kind, k -> new LogScanner(forLog(k)));
    }
}
