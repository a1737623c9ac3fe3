package io.wudoctor.internal.render;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.Evidence;
import io.wudoctor.api.IncidentReport;
import io.wudoctor.api.RulePackInfo;
import io.wudoctor.api.Step;
import io.wudoctor.api.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plan as one self-contained HTML page (--format html) for a ticket or a printer: no
 * script, no external asset (its Content-Security-Policy forbids loading any), every value
 * HTML-escaped by the template engine. Each step carries its evidence and, folded away in a
 * {@code <details>}, the chain and arithmetic behind its confidence.
 */
public final class HtmlRenderer implements Renderer {

    private static final Template TEMPLATE = Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true)
            .defaultValue("").compile(template());

    @Override
    public boolean wantsExplanation() {
        return true;
    }

    @Override
    public String render(Report report) {
        return TEMPLATE.execute(view(report));
    }

    private static Map<String, Object> view(Report report) {
        Diagnosis d = report.diagnosis();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tool", d.tool());
        v.put("subject", Subject.of(d));
        v.put("summary", d.summary());
        v.put("verdict", d.verdict() == null ? null : verdict(d.verdict()));
        v.put("incident", d.incident() == null ? null : incident(d.incident()));
        v.put("warnings", d.warnings());
        v.put("hasFindings", !d.findings().isEmpty());
        v.put("findings", d.findings().stream().map(f -> Map.of("percent", Wrap.percent(f.confidence()), "title", f.title(),
                "id", f.id(), "source", String.valueOf(f.source()))).toList());
        Chain chain = report.explained() == null ? null : Chain.of(report.explained());
        v.put("hasSteps", !d.steps().isEmpty());
        v.put("steps", d.steps().stream().map(s -> step(s, chain)).toList());
        v.put("hasSkipped", !d.skipped().isEmpty());
        v.put("skipped", d.skipped());
        v.put("provenance", report.provenance());
        v.put("rulePack", rulePack(d.rulePack()));
        return v;
    }

    /** The rules used, as --version names the built-in pack: version, short hash, file count; then each --rules folder. */
    static String rulePack(RulePackInfo pack) {
        if (pack == null) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        if (pack.builtin() != null) {
            parts.add("built-in rules " + pack.builtin().version() + " sha256:" + pack.builtin().sha256() + " ("
                    + pack.builtin().files() + " files)");
        }
        pack.folders().forEach(f -> parts.add("--rules " + f.path() + " sha256:" + f.sha256() + " (" + f.files() + " files)"));
        return String.join("; ", parts);
    }

    /** Which failure the plan is about, as the JSON's {@code incident} says, and where that came from. */
    private static String incident(IncidentReport i) {
        String what = (i.errorCode() == null ? "an unknown error code" : i.errorCode()) + " during " + i.surface()
                + (i.kb() == null ? "" : " (" + i.kb() + ")");
        String from = switch (i.origin()) {
            case "evidence" -> "read from the evidence" + (i.seenIn() == null ? "" : " at " + i.seenIn());
            case "assumed" -> "assumed: the facts name no incident";
            default -> "as the facts give it";
        };
        return what + ", " + from + "." + (i.fileNotFound() || i.errorCode() == null ? ""
                : " This is not 0x80070002, the error the knowledge base covers.");
    }

    private static Map<String, Object> verdict(Verdict verdict) {
        Verdict.Lead lead = verdict.lead();
        String headline = lead == null
                ? "no specific cause found; the plan is the documented routine."
                : "specific cause found (" + lead.strength() + "): " + lead.title() + ", "
                        + Wrap.percent(lead.confidence()) + " confidence.";
        return Map.of("cssClass", lead == null ? "none" : "found", "headline", headline,
                "notCovered", String.join(", ", verdict.notCovered()));
    }

    private static Map<String, Object> step(Step s, Chain chain) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("number", s.number());
        v.put("fixId", s.fixId());
        v.put("title", s.title());
        v.put("percent", Wrap.percent(s.confidence()));
        v.put("why", s.why());
        v.put("hasEvidence", !s.evidence().isEmpty());
        v.put("evidence", s.evidence().stream().map(Evidence::summary).toList());
        v.put("hasCommands", !s.commands().isEmpty());
        v.put("commandsHeading", s.elevated() ? "In an elevated prompt:" : "Run:");
        v.put("commands", s.commands());
        v.put("hasManual", !s.manual().isEmpty());
        v.put("manual", s.manual());
        v.put("verify", s.verify());
        v.put("meta", "Risk " + s.risk() + (s.difficulty() == null ? "" : ", " + s.difficulty())
                + (s.time() == null ? "" : ", about " + s.time()) + ". Source: " + s.source() + ". Fix id: " + s.fixId() + ".");
        Optional<Chain.StepChain> sc = chain == null ? Optional.empty()
                : chain.steps().stream().filter(c -> c.number() == s.number()).findFirst();
        v.put("causes", sc.map(c -> c.causes().stream().map(HtmlRenderer::cause).toList()).orElse(List.of()));
        v.put("requiredBy", sc.map(c -> String.join(", ", c.requiredBy())).orElse(""));
        v.put("stepArithmetic", sc.map(HtmlRenderer::stepArithmetic).orElse(Chain.fmt(s.confidence())
                + " (addresses " + String.join(", ", s.addresses()) + ")"));
        return v;
    }

    private static Map<String, Object> cause(Chain.CauseChain c) {
        return Map.of("id", c.id(), "percent", Wrap.percent(c.confidence()),
                "rules", c.rules().stream().map(r -> Map.of("rule", r.rule(), "confidence", Chain.fmt(r.confidence()),
                        "firings", r.firings().stream().map(i -> "#" + i).collect(Collectors.joining(", ")),
                        "hasEvidence", !r.evidence().isEmpty(),
                        "evidence", r.evidence().stream().map(Evidence::summary).toList())).toList(),
                "arithmetic", c.arithmetic().stream().map(Chain.Term::toString).toList());
    }

    private static String stepArithmetic(Chain.StepChain c) {
        if (c.arithmetic().isEmpty()) {
            return Chain.fmt(c.confidence()) + ", the highest of the steps it is required before";
        }
        return c.arithmetic().stream().map(Chain.Term::toString).collect(Collectors.joining("; "));
    }

    private static String template() {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream("report.html.mustache")) {
            if (in == null) {
                throw new IllegalStateException("report.html.mustache is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
