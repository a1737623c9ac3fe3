package io.wudoctor.internal.authoring.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.wudoctor.internal.kb.drl.DrlOutline;
import io.wudoctor.internal.kb.drl.DrlReferences;
import io.wudoctor.internal.kb.drl.DrlText;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.kb.RulePack;
import io.wudoctor.internal.yaml.StrictMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a pack defines, read as written, with file and line: the rules (from their DRL
 * metadata) and the signatures, fixes and causes (from the YAML trees, so an entry that the
 * strict loader rejects for one bad field is still known by its id). The listing and the
 * validator both work from this.
 */
public final class Inventory {

    /** A DRL file: its text view, its outline and the ids it references. */
    public record DrlFile(PackFile file, DrlText text, DrlOutline outline, List<DrlReferences.Ref> refs) {
    }

    /** A catalog entry: its item, its YAML tree, its JSON pointer in the file, and the file's lines. */
    public record Entry(Item item, JsonNode node, String pointer, YamlLines lines) {

        /** The line of a field of this entry ({@code "requires/1"}), else of the entry. */
        public int line(String field) {
            return lines.line(pointer + "/" + field);
        }
    }

    private final List<DrlFile> drl = new ArrayList<>();
    private final List<Item> rules = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Set<Item.Kind> unreadable = EnumSet.noneOf(Item.Kind.class);

    private Inventory() {
    }

    public static Inventory of(RulePack pack) {
        Inventory inv = new Inventory();
        pack.drl().forEach(inv::addDrl);
        pack.catalogs().forEach(inv::addCatalog);
        return inv;
    }

    private void addDrl(PackFile f) {
        DrlText text = DrlText.of(f.content());
        DrlOutline outline = DrlOutline.of(f.content());
        drl.add(new DrlFile(f, text, outline, DrlReferences.of(text, outline)));
        for (DrlOutline.Block r : outline.rules()) {
            var m = r.meta();
            rules.add(new Item(Item.Kind.RULE, m.get("id"), m.get("title"), m.get("status"), m.get("document"),
                    m.get("section"), m.get("justification"), f.name(), r.line()));
        }
    }

    private void addCatalog(PackFile f) {
        Item.Kind kind = f.hasSuffix(".causes.yaml") ? Item.Kind.CAUSE : f.hasSuffix(".fixes.yaml") ? Item.Kind.FIX
                : f.hasSuffix(".signatures.yaml") ? Item.Kind.SIGNATURE : null;
        if (kind == null) {
            return;
        }
        String list = kind == Item.Kind.CAUSE ? "causes" : kind == Item.Kind.FIX ? "fixes" : "signatures";
        JsonNode root;
        try {
            root = StrictMapper.yaml().readTree(f.content());
        } catch (java.io.IOException | RuntimeException e) {
            root = null;
        }
        if (root == null || !root.path(list).isArray()) {
            unreadable.add(kind); // the loader reports why, with the line
            return;
        }
        YamlLines lines = YamlLines.of(f.content());
        for (int i = 0; i < root.get(list).size(); i++) {
            JsonNode n = root.get(list).get(i);
            String pointer = "/" + list + "/" + i;
            Item item = new Item(kind, text(n, "id"), text(n, "title"), text(n, "status"), text(n.path("source"), "document"),
                    text(n.path("source"), "section"), null, f.name(), lines.line(pointer));
            entries.add(new Entry(item, n, pointer, lines));
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    public List<DrlFile> drl() {
        return drl;
    }

    /** The catalog entries of one kind, in file order. */
    public List<Entry> entries(Item.Kind kind) {
        return entries.stream().filter(e -> e.item().kind() == kind).toList();
    }

    /** Every item: rules, then signatures, fixes and causes, each in file order. */
    public List<Item> items() {
        List<Item> all = new ArrayList<>(rules);
        for (Item.Kind k : List.of(Item.Kind.SIGNATURE, Item.Kind.FIX, Item.Kind.CAUSE)) {
            entries(k).forEach(e -> all.add(e.item()));
        }
        return all;
    }

    public List<Item> items(Item.Kind kind) {
        return items().stream().filter(i -> i.kind() == kind).toList();
    }

    /** The ids defined for a kind. */
    public Set<String> ids(Item.Kind kind) {
        Set<String> ids = new LinkedHashSet<>();
        items(kind).stream().map(Item::id).filter(java.util.Objects::nonNull).forEach(ids::add);
        return ids;
    }

    /** False when a file of this kind could not be read at all, so references to it cannot be judged. */
    public boolean complete(Item.Kind kind) {
        return !unreadable.contains(kind);
    }
}
