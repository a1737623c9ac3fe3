package io.wudoctor.internal.authoring.validate;

import io.wudoctor.internal.kb.drl.DrlOutline;
import io.wudoctor.internal.authoring.inventory.Inventory;
import java.util.HashMap;
import java.util.Map;

/**
 * Duplicate rule ids (across all files: findings name their rule by id) and duplicate rule
 * names in one DRL package. The loader already reports duplicate cause, fix and signature ids.
 */
final class DuplicateCheck implements Check {

    private boolean duplicateNames;

    @Override
    public void run(Context c) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Inventory.DrlFile f : c.inventory.drl()) {
            for (DrlOutline.Block r : f.outline().rules()) {
                String here = f.file().name() + ":" + r.line();
                String id = r.meta().get("id");
                if (id != null && !id.isBlank()) {
                    String first = ids.putIfAbsent(id, here);
                    if (first != null) {
                        c.error(f.file().name(), r.line(), r.label() + ": duplicate rule id '" + id + "' (first defined at " + first + ")");
                    }
                }
                String first = names.putIfAbsent(f.outline().packageName() + "/" + r.name(), here);
                if (first != null) {
                    duplicateNames = true;
                    c.error(f.file().name(), r.line(), r.label() + ": duplicate rule name in package '"
                            + f.outline().packageName() + "' (first defined at " + first + ")");
                }
            }
        }
    }

    /** Whether a duplicate rule name was reported (the compiler reports it too, at the wrong file). */
    boolean foundDuplicateNames() {
        return duplicateNames;
    }
}
