package io.wudoctor.internal.authoring.validate;

import io.wudoctor.internal.kb.drl.DrlOutline;
import io.wudoctor.internal.authoring.inventory.Inventory;
import io.wudoctor.internal.authoring.inventory.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metadata convention (docs/authoring-rules.md): every rule carries {@code @id, @title,
 * @document, @section, @status, @justification}; every signature and fix an id, title,
 * source {document, section} and status; every cause an id, title and source. Status is one
 * of stable, test, experimental. Fields the loader already requires are not repeated here.
 */
final class MetadataCheck implements Check {

    static final Set<String> STATUSES = Set.of("stable", "test", "experimental");
    static final List<String> RULE_META = List.of("id", "title", "document", "section", "status", "justification");

    @Override
    public void run(Context c) {
        for (Inventory.DrlFile f : c.inventory.drl()) {
            for (DrlOutline.Block r : f.outline().rules()) {
                rule(c, f.file().name(), r);
            }
        }
        for (Item.Kind kind : List.of(Item.Kind.SIGNATURE, Item.Kind.FIX, Item.Kind.CAUSE)) {
            for (Inventory.Entry e : c.inventory.entries(kind)) {
                entry(c, e);
            }
        }
    }

    private static void rule(Context c, String file, DrlOutline.Block r) {
        Map<String, String> meta = r.meta();
        List<String> missing = new ArrayList<>();
        for (String key : RULE_META) {
            if (blank(meta.get(key))) {
                missing.add("@" + key);
            }
        }
        if (!missing.isEmpty()) {
            c.error(file, r.line(), r.label() + ": missing metadata " + String.join(", ", missing)
                    + " (every rule carries " + String.join(", ", RULE_META.stream().map(k -> "@" + k).toList()) + ")");
        }
        String status = meta.get("status");
        if (!blank(status) && !STATUSES.contains(status)) {
            c.error(file, r.line(), r.label() + ": @status(\"" + status + "\") is not one of stable, test, experimental");
        }
    }

    private static void entry(Context c, Inventory.Entry e) {
        Item i = e.item();
        String name = i.kind().label + " '" + i.id() + "'";
        List<String> missing = new ArrayList<>();
        if (i.kind() == Item.Kind.SIGNATURE && blank(i.title())) {
            missing.add("title");
        }
        if (i.kind() != Item.Kind.CAUSE && blank(i.status())) {
            missing.add("status");
        }
        // a fix or cause without any source is already a loader error; here only its parts
        if (i.kind() == Item.Kind.SIGNATURE || e.node().has("source")) {
            if (blank(i.document())) {
                missing.add("source.document");
            }
            if (blank(i.section())) {
                missing.add("source.section");
            }
        }
        if (!missing.isEmpty()) {
            c.error(i.file(), i.line(), name + ": missing " + String.join(", ", missing));
        }
        if (!blank(i.status()) && !STATUSES.contains(i.status())) {
            c.error(i.file(), e.line("status"), name + ": status '" + i.status() + "' is not one of stable, test, experimental");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
