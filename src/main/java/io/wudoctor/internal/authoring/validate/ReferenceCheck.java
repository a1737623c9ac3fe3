package io.wudoctor.internal.authoring.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.wudoctor.internal.kb.drl.DrlReferences;
import io.wudoctor.internal.kb.drl.DrlReferences.Kind;
import io.wudoctor.internal.authoring.inventory.Inventory;
import io.wudoctor.internal.authoring.inventory.Item;
import io.wudoctor.internal.gather.infer.InferenceSignatures;
import io.wudoctor.internal.text.Suggest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Cross-references: every cause a rule concludes, fix it recommends and signature it matches
 * exists (and the confidence is in (0, 1]); every fix named in requires/after (and os.instead) exists and
 * they form no cycle; every signature is used by some rule or read by the inference (a warning otherwise).
 */
final class ReferenceCheck implements Check {

    @Override
    public void run(Context c) {
        Set<String> usedSignatures = new HashSet<>(InferenceSignatures.IDS);
        for (Inventory.DrlFile f : c.inventory.drl()) {
            for (DrlReferences.Ref r : f.refs()) {
                rule(c, f.file().name(), r, usedSignatures);
            }
        }
        fixEdges(c);
        for (Inventory.Entry e : c.inventory.entries(Item.Kind.SIGNATURE)) {
            if (e.item().id() != null && !usedSignatures.contains(e.item().id())) {
                c.warning(e.item().file(), e.item().line(), "signature '" + e.item().id() + "' is not used by any rule");
            }
        }
    }

    private static void rule(Context c, String file, DrlReferences.Ref r, Set<String> usedSignatures) {
        String who = r.block() == null ? "" : r.block().label() + ": ";
        switch (r.kind()) {
            case CAUSE -> {
                unknown(c, file, r, Item.Kind.CAUSE, who + "concludes unknown cause '" + r.id() + "'");
                if (!Double.isNaN(r.confidence()) && !(r.confidence() > 0 && r.confidence() <= 1)) {
                    c.error(file, r.line(), who + "confidence " + r.confidence() + " for '" + r.id() + "' is not in (0, 1]");
                }
            }
            case FIX -> unknown(c, file, r, Item.Kind.FIX, who + "recommends unknown fix '" + r.id() + "'");
            case SIGNATURE -> {
                usedSignatures.add(r.id());
                unknown(c, file, r, Item.Kind.SIGNATURE, who + "matches unknown log signature '" + r.id() + "'");
            }
            case SIGNATURE_PATTERN -> {
                try {
                    Pattern p = Pattern.compile(r.id());
                    c.inventory.ids(Item.Kind.SIGNATURE).stream().filter(id -> p.matcher(id).matches()).forEach(usedSignatures::add);
                } catch (PatternSyntaxException e) {
                    c.error(file, r.line(), who + "invalid regex for signature ids: " + e.getDescription());
                }
            }
            default -> throw new IllegalStateException(r.kind().toString());
        }
    }

    private static void unknown(Context c, String file, DrlReferences.Ref r, Item.Kind kind, String message) {
        Set<String> ids = c.inventory.ids(kind);
        if (c.inventory.complete(kind) && !ids.contains(r.id())) {
            c.error(file, r.line(), message + Suggest.closest(r.id(), ids));
        }
    }

    /** requires/after name known fixes, never the fix itself, and never form a cycle. */
    private static void fixEdges(Context c) {
        if (!c.inventory.complete(Item.Kind.FIX)) {
            return;
        }
        Set<String> ids = c.inventory.ids(Item.Kind.FIX);
        Map<String, List<String>> edges = new LinkedHashMap<>();
        Map<String, Inventory.Entry> byId = new LinkedHashMap<>();
        for (Inventory.Entry e : c.inventory.entries(Item.Kind.FIX)) {
            String id = e.item().id();
            byId.putIfAbsent(id, e);
            for (String field : List.of("requires", "after")) {
                JsonNode list = e.node().path(field);
                for (int i = 0; i < list.size(); i++) {
                    String target = list.get(i).asText();
                    int line = e.line(field + "/" + i);
                    if (target.equals(id)) {
                        c.error(e.item().file(), line, "fix '" + id + "': " + field + " names the fix itself");
                    } else if (!ids.contains(target)) {
                        c.error(e.item().file(), line, "fix '" + id + "': " + field + " names unknown fix '" + target + "'"
                                + Suggest.closest(target, ids));
                    } else {
                        edges.computeIfAbsent(id, k -> new ArrayList<>()).add(target);
                    }
                }
            }
            JsonNode instead = e.node().path("os").path("instead");
            if (instead.isTextual() && (instead.asText().equals(id) || !ids.contains(instead.asText()))) {
                c.error(e.item().file(), e.line("os/instead"), "fix '" + id + "': os.instead names "
                        + (instead.asText().equals(id) ? "the fix itself" : "unknown fix '" + instead.asText() + "'"
                        + Suggest.closest(instead.asText(), ids)));
            }
        }
        List<String> cycle = Cycles.find(edges);
        if (!cycle.isEmpty()) {
            Inventory.Entry e = byId.get(cycle.get(0));
            c.error(e.item().file(), e.item().line(), "fixes " + String.join(" -> ", cycle)
                    + " must each come before the next (requires/after): a cycle no plan can follow");
        }
    }

    /** A depth-first search for one cycle in a small graph. */
    static final class Cycles {
        private Cycles() {
        }

        static List<String> find(Map<String, List<String>> edges) {
            Map<String, Integer> state = new java.util.HashMap<>(); // 1 = on the path, 2 = done
            List<String> path = new ArrayList<>();
            for (String start : edges.keySet()) {
                List<String> found = visit(start, edges, state, path);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return List.of();
        }

        private static List<String> visit(String node, Map<String, List<String>> edges, Map<String, Integer> state, List<String> path) {
            Integer s = state.get(node);
            if (s != null && s == 2) {
                return List.of();
            }
            if (s != null && s == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
                cycle.add(node);
                return cycle;
            }
            state.put(node, 1);
            path.add(node);
            for (String next : edges.getOrDefault(node, List.of())) {
                List<String> found = visit(next, edges, state, path);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            path.remove(path.size() - 1);
            state.put(node, 2);
            return List.of();
        }
    }
}
