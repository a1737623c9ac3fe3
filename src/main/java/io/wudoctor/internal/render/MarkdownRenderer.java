package io.wudoctor.internal.render;

import io.wudoctor.internal.text.ControlChars;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Evidence;
import io.wudoctor.api.FindingReport;
import io.wudoctor.api.SkippedFix;
import io.wudoctor.api.Step;

/** The plan as Markdown, for pasting into a ticket. */
public final class MarkdownRenderer implements Renderer {

    @Override
    public String render(Report report) {
        Diagnosis d = report.diagnosis();
        StringBuilder out = new StringBuilder("# Fix plan: " + Subject.of(d) + "\n\n");
        out.append(text(d.summary())).append("\n\n");
        d.warnings().forEach(w -> out.append("> **Warning:** ").append(text(w)).append("\n\n"));
        if (!d.findings().isEmpty()) {
            out.append("## Findings\n\n| Confidence | Cause | Source |\n|---:|---|---|\n");
            for (FindingReport f : d.findings()) {
                out.append("| ").append(Wrap.percent(f.confidence())).append(" | ").append(cell(f.title())).append(" | ")
                        .append(cell(String.valueOf(f.source()))).append(" |\n");
            }
            out.append('\n');
        }
        if (!d.steps().isEmpty()) {
            out.append("## Steps\n\nAfter each step, retry the update; stop as soon as it works.\n");
        }
        for (Step s : d.steps()) {
            out.append("\n### ").append(s.number()).append(". ").append(text(s.title())).append(" (")
                    .append(Wrap.percent(s.confidence())).append(")\n\n");
            out.append("**Why:** ").append(text(s.why())).append("\n\n");
            for (Evidence e : s.evidence()) {
                out.append("- `").append(e.summary().replace("`", "'")).append("`\n");
            }
            if (!s.evidence().isEmpty()) {
                out.append('\n');
            }
            if (!s.commands().isEmpty()) {
                out.append(s.elevated() ? "In an elevated Command Prompt:\n\n" : "Run:\n\n").append("```bat\n");
                s.commands().forEach(c -> out.append(c).append('\n'));
                out.append("```\n\n");
            }
            s.manual().forEach(m -> out.append("1. ").append(text(m)).append('\n'));
            if (!s.manual().isEmpty()) {
                out.append('\n');
            }
            if (s.verify() != null) {
                out.append("**Check:** ").append(text(s.verify())).append("\n\n");
            }
            out.append("_Risk ").append(s.risk()).append(s.difficulty() == null ? "" : ", " + s.difficulty())
                    .append(s.time() == null ? "" : ", about " + s.time()).append(". Source: ").append(text(String.valueOf(s.source()))).append("_\n");
        }
        if (!d.skipped().isEmpty()) {
            out.append("\n## Left out\n\n");
            for (SkippedFix k : d.skipped()) {
                out.append("- ").append(text(k.title())).append(": ").append(text(k.reason())).append('\n');
            }
        }
        if (report.explained() != null) {
            out.append("\n## Explanation\n\n```\n").append(Explanation.text(report.explained())).append("```\n");
        }
        return ControlChars.escape(out.toString()); // evidence must not act on the reader's terminal or viewer
    }

    private static String cell(String s) {
        return text(s).replace("|", "\\|").replace("\n", " ");
    }

    /**
     * Prose with Markdown's meaning taken out of it: a {@code <kb>} placeholder would render as an
     * HTML tag (and vanish), {@code C:\x\<kb>} would lose its backslash, {@code *} and {@code _}
     * could start emphasis. Underscores inside a word (clr_optimization) never do, so stay as they are.
     */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escape = switch (c) {
                case '\\' -> i + 1 < s.length() && isAsciiPunctuation(s.charAt(i + 1));
                case '<', '`', '*', '[' -> true;
                case '_' -> i == 0 || i + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(i - 1))
                        || !Character.isLetterOrDigit(s.charAt(i + 1));
                default -> false;
            };
            out.append(escape ? "\\" : "").append(c);
        }
        return out.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }
}
