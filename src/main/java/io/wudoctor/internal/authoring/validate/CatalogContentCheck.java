package io.wudoctor.internal.authoring.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.wudoctor.internal.authoring.inventory.Inventory;
import io.wudoctor.internal.authoring.inventory.Item;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a catalog entry must hold to be useful: a fix has commands or manual steps; a
 * signature's pattern compiles, matches each of its examples and none of its counterexamples
 * (the scanner applies it to one line with {@code Matcher.find()}), and it has examples.
 */
final class CatalogContentCheck implements Check {

    @Override
    public void run(Context c) {
        for (Inventory.Entry e : c.inventory.entries(Item.Kind.FIX)) {
            if (e.node().path("commands").isEmpty() && e.node().path("manual").isEmpty()) {
                c.error(e.item().file(), e.item().line(), "fix '" + e.item().id()
                        + "' has neither commands nor manual steps: a plan step would tell the user nothing to do");
            }
        }
        for (Inventory.Entry e : c.inventory.entries(Item.Kind.SIGNATURE)) {
            signature(c, e);
        }
    }

    private static void signature(Context c, Inventory.Entry e) {
        String name = "signature '" + e.item().id() + "'";
        JsonNode pattern = e.node().get("pattern");
        if (pattern == null || !pattern.isTextual()) {
            return; // the loader reports the missing pattern
        }
        JsonNode examples = e.node().path("examples");
        if (examples.isEmpty()) {
            c.warning(e.item().file(), e.item().line(), name + " has no examples: add a real log line it must match");
        }
        Pattern p;
        try {
            p = Pattern.compile(pattern.asText());
        } catch (PatternSyntaxException x) {
            return; // the pack loader reports it (at the pattern's line), for diagnose and collect too
        }
        for (int i = 0; i < examples.size(); i++) {
            if (!p.matcher(examples.get(i).asText()).find()) {
                c.error(e.item().file(), e.line("examples/" + i), name + ": example " + (i + 1) + " does not match the pattern: "
                        + shorten(examples.get(i).asText()));
            }
        }
        JsonNode counter = e.node().path("counterexamples");
        for (int i = 0; i < counter.size(); i++) {
            if (p.matcher(counter.get(i).asText()).find()) {
                c.error(e.item().file(), e.line("counterexamples/" + i), name + ": counterexample " + (i + 1)
                        + " matches the pattern: " + shorten(counter.get(i).asText()));
            }
        }
    }

    private static String shorten(String s) {
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}
