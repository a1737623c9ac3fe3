package io.wudoctor.internal.render;

import io.wudoctor.internal.text.ControlChars;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Evidence;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.SkippedFix;
import io.wudoctor.api.Step;

/** A numbered plan for an 80-column terminal: each step's title, confidence, why, evidence and exact commands. */
public final class TextRenderer implements Renderer {

    static final int MAX_EVIDENCE = 4;

    @Override
    public String render(Report report) {
        Diagnosis d = report.diagnosis();
        StringBuilder out = new StringBuilder();
        out.append("wudoctor: fix plan for ").append(Subject.of(d)).append("\n\n");
        out.append(Wrap.wrap(d.summary(), "", ""));
        d.warnings().forEach(w -> out.append(Wrap.wrap("warning: " + w, "", "  ")));
        if (!d.findings().isEmpty()) {
            out.append("\nFindings\n");
            for (FindingReport f : d.findings()) {
                // the percentage is the first line's indent: wrapping strips leading spaces and joins words with one
                out.append(Wrap.wrap(f.title(), String.format("%4s  ", Wrap.percent(f.confidence())), "      "));
            }
        }
        for (Step s : d.steps()) {
            out.append('\n').append(Wrap.wrap(s.number() + ". " + s.title() + "  [" + Wrap.percent(s.confidence()) + "]", "", "   "));
            out.append(Wrap.wrap("Why: " + s.why(), "   ", "        "));
            int shown = 0;
            for (Evidence e : s.evidence()) {
                if (shown++ == MAX_EVIDENCE) {
                    out.append("   - ... and ").append(s.evidence().size() - MAX_EVIDENCE).append(" more (see --format json)\n");
                    break;
                }
                out.append(Wrap.wrap("- " + e.summary(), "   ", "     "));
            }
            if (!s.commands().isEmpty()) {
                out.append("   Run").append(s.elevated() ? " in an elevated Command Prompt" : "").append(":\n");
                s.commands().forEach(c -> out.append("     ").append(c).append('\n'));
            }
            if (!s.manual().isEmpty()) {
                out.append("   Do:\n");
                s.manual().forEach(m -> out.append(Wrap.wrap("- " + m, "     ", "       ")));
            }
            if (s.verify() != null) {
                out.append(Wrap.wrap("Check: " + s.verify(), "   ", "          "));
            }
            out.append(Wrap.wrap("Risk " + s.risk() + (s.difficulty() == null ? "" : ", " + s.difficulty())
                    + (s.time() == null ? "" : ", about " + s.time()) + ". Source: " + s.source(), "   ", "   "));
        }
        if (!d.skipped().isEmpty()) {
            out.append("\nLeft out\n");
            for (SkippedFix k : d.skipped()) {
                out.append(Wrap.wrap("- " + k.title() + ": " + k.reason(), "", "  "));
            }
        }
        if (report.explained() != null) {
            out.append('\n').append(Explanation.text(report.explained()));
        }
        return ControlChars.escape(out.toString()); // evidence must not act on the reader's terminal
    }
}
