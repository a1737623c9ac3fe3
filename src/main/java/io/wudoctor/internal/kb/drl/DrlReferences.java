package io.wudoctor.internal.kb.drl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog ids a DRL file names, read from its string literals where the fact model takes
 * them: the cause of {@code Finding.of(kcontext, "cause", 0.8, ...)}, the fixes of
 * {@code .recommend("fix", ...)}, and the signatures of {@code LogMatch(signature == "id")}
 * or {@code signature in ("a", "b")} / {@code signature matches "regex"}. Ids built at run
 * time (not literals) cannot be checked this way; the planner still refuses them when a rule fires.
 */
public final class DrlReferences {

    /** What a reference names. {@code SIGNATURE_PATTERN} is a regex over signature ids. */
    public enum Kind { CAUSE, FIX, SIGNATURE, SIGNATURE_PATTERN }

    /**
     * One reference: what, the id, its line, the block it lies in (null outside any rule) and,
     * for a cause, the confidence literal that follows it (NaN when not a literal).
     */
    public record Ref(Kind kind, String id, int line, DrlOutline.Block block, double confidence) {
    }

    private static final Pattern FINDING_OF = Pattern.compile("Finding\\s*\\.\\s*of\\s*\\(");
    private static final Pattern RECOMMEND = Pattern.compile("\\.\\s*recommend\\s*\\(");
    private static final Pattern LOG_MATCH = Pattern.compile("(?<![\\w$.])LogMatch\\s*\\(");
    private static final Pattern SIGNATURE = Pattern.compile("(?<![\\w$.])signature\\s*(==|\\bin\\b|\\bmatches\\b)\\s*");
    private static final Pattern NUMBER = Pattern.compile("\\s*,\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)[dDfF]?");

    private DrlReferences() {
    }

    public static List<Ref> of(DrlText text, DrlOutline outline) {
        String code = text.code();
        List<Ref> refs = new ArrayList<>();
        Matcher f = FINDING_OF.matcher(code);
        while (f.find()) {
            int close = text.closingParen(f.end() - 1);
            List<DrlText.Literal> args = text.literalsIn(f.end(), close);
            // Finding.of(kcontext, "cause", cf, ...) or Finding.of("rule-id", "cause", cf, ...): the cause is the
            // first literal after the first comma.
            int comma = code.indexOf(',', f.end());
            DrlText.Literal cause = args.stream().filter(l -> l.start() > comma).findFirst().orElse(null);
            if (comma >= 0 && comma < close && cause != null) {
                Matcher n = NUMBER.matcher(code).region(cause.end(), close);
                double cf = n.lookingAt() ? Double.parseDouble(n.group(1)) : Double.NaN;
                refs.add(ref(Kind.CAUSE, cause, text, outline, cf));
            }
        }
        Matcher r = RECOMMEND.matcher(code);
        while (r.find()) {
            for (DrlText.Literal l : text.literalsIn(r.end(), text.closingParen(r.end() - 1))) {
                refs.add(ref(Kind.FIX, l, text, outline, Double.NaN));
            }
        }
        Matcher m = LOG_MATCH.matcher(code);
        while (m.find()) {
            int close = text.closingParen(m.end() - 1);
            Matcher s = SIGNATURE.matcher(code).region(m.end(), close);
            while (s.find()) {
                signatureRefs(text, outline, s, close, refs);
            }
        }
        return refs;
    }

    private static void signatureRefs(DrlText text, DrlOutline outline, Matcher s, int close, List<Ref> refs) {
        String op = s.group(1);
        if (op.equals("in") && text.code().startsWith("(", s.end())) {
            for (DrlText.Literal l : text.literalsIn(s.end(), text.closingParen(s.end()))) {
                refs.add(ref(Kind.SIGNATURE, l, text, outline, Double.NaN));
            }
            return;
        }
        DrlText.Literal l = text.literalAt(s.end());
        if (l != null && l.start() < close) {
            refs.add(ref(op.equals("matches") ? Kind.SIGNATURE_PATTERN : Kind.SIGNATURE, l, text, outline, Double.NaN));
        }
    }

    private static Ref ref(Kind kind, DrlText.Literal l, DrlText text, DrlOutline outline, double cf) {
        int line = text.lineOf(l.start());
        return new Ref(kind, l.value(), line, outline.blockOf(line), cf);
    }
}
