package io.wudoctor.internal.authoring.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.wudoctor.internal.authoring.inventory.Item;
import io.wudoctor.internal.authoring.inventory.YamlLines;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.authoring.ruletest.RuleCase;
import io.wudoctor.internal.text.Suggest;
import io.wudoctor.internal.yaml.StrictMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test cases ({@code *.tests.yaml}) read as the runner reads them, and every id they name
 * exists: the rule under test, the causes and fixes they expect, the signatures and fixes in
 * their facts. A rule that no case names is a warning: it is untested.
 */
final class TestCaseCheck implements Check {

    /** Expectation fields and the kind of id they hold. */
    private static final Map<String, Item.Kind> EXPECT = Map.of(
            "findings", Item.Kind.CAUSE, "notFindings", Item.Kind.CAUSE, "firstFinding", Item.Kind.CAUSE,
            "minConfidence", Item.Kind.CAUSE, "maxConfidence", Item.Kind.CAUSE,
            "steps", Item.Kind.FIX, "notSteps", Item.Kind.FIX, "firstStep", Item.Kind.FIX, "skipped", Item.Kind.FIX);

    @Override
    public void run(Context c) {
        Set<String> tested = new HashSet<>();
        for (PackFile f : c.pack.tests()) {
            file(c, f, tested);
        }
        for (Item rule : c.inventory.items(Item.Kind.RULE)) {
            if (rule.id() != null && !tested.contains(rule.id())) {
                c.warning(rule.file(), rule.line(), "rule '" + rule.id() + "' has no test case (no case in a *.tests.yaml says rule: "
                        + rule.id() + ")");
            }
        }
    }

    private static void file(Context c, PackFile f, Set<String> tested) {
        JsonNode root;
        try {
            StrictMapper.read(f.name(), f.content(), RuleCase.File.class);
            root = StrictMapper.yaml().readTree(f.content());
        } catch (StrictMapper.Problem p) {
            c.error(f.name(), p.line(), p.detail());
            return;
        } catch (java.io.IOException e) {
            c.error(f.name(), 0, "not YAML: " + e.getMessage());
            return;
        }
        YamlLines lines = YamlLines.of(f.content());
        Set<String> names = new HashSet<>();
        JsonNode cases = root.path("cases");
        for (int i = 0; i < cases.size(); i++) {
            JsonNode kase = cases.get(i);
            String at = "/cases/" + i;
            String name = kase.path("name").asText();
            if (!names.add(name)) {
                c.warning(f.name(), lines.line(at + "/name"), "two cases are named '" + name + "'");
            }
            String label = "case '" + name + "': ";
            if (kase.has("fires") && !kase.hasNonNull("rule")) {
                c.error(f.name(), lines.line(at + "/fires"), label + "fires: says whether the case's rule fires, but the case names no rule:");
            }
            if (kase.hasNonNull("rule")) {
                String rule = kase.get("rule").asText();
                tested.add(rule);
                Set<String> rules = c.inventory.ids(Item.Kind.RULE);
                if (!rules.contains(rule)) {
                    c.error(f.name(), lines.line(at + "/rule"), label + "names unknown rule '" + rule + "'" + Suggest.closest(rule, rules));
                }
            }
            EXPECT.forEach((field, kind) -> ids(c, f, lines, kase.path("expect").path(field), at + "/expect/" + field,
                    label + "expect." + field, kind));
            JsonNode facts = kase.path("facts");
            for (int j = 0; j < facts.path("logMatches").size(); j++) {
                ids(c, f, lines, facts.path("logMatches").get(j).path("signature"), at + "/facts/logMatches/" + j + "/signature",
                        label + "facts.logMatches", Item.Kind.SIGNATURE);
            }
            for (int j = 0; j < facts.path("attemptedFixes").size(); j++) {
                ids(c, f, lines, facts.path("attemptedFixes").get(j).path("fix"), at + "/facts/attemptedFixes/" + j + "/fix",
                        label + "facts.attemptedFixes", Item.Kind.FIX);
            }
        }
    }

    /** Checks an id, a list of ids or the keys of a map of ids. */
    private static void ids(Context c, PackFile f, YamlLines lines, JsonNode value, String pointer, String where, Item.Kind kind) {
        if (value.isMissingNode() || value.isNull() || !c.inventory.complete(kind)) {
            return;
        }
        Set<String> known = c.inventory.ids(kind);
        if (value.isTextual()) {
            one(c, f, lines.line(pointer), value.asText(), where, kind, known);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                one(c, f, lines.line(pointer + "/" + i), value.get(i).asText(), where, kind, known);
            }
        } else if (value.isObject()) {
            List<String> keys = new java.util.ArrayList<>();
            value.fieldNames().forEachRemaining(keys::add);
            keys.forEach(k -> one(c, f, lines.line(pointer + "/" + k), k, where, kind, known));
        }
    }

    private static void one(Context c, PackFile f, int line, String id, String where, Item.Kind kind, Set<String> known) {
        if (!known.contains(id)) {
            c.error(f.name(), line, where + " names unknown " + kind.label + " '" + id + "'" + Suggest.closest(id, known));
        }
    }
}
