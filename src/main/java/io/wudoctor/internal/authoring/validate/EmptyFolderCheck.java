package io.wudoctor.internal.authoring.validate;

import java.io.File;
import java.nio.file.Path;

/** A folder with no rules at all is a warning, not silence: the analyst probably passed the wrong folder. */
final class EmptyFolderCheck implements Check {

    @Override
    public void run(Context c) {
        boolean warned = false;
        for (Path dir : c.folders) {
            String prefix = dir.toString() + File.separator;
            boolean rules = c.pack.drl().stream().anyMatch(f -> f.name().startsWith(prefix));
            if (!rules) {
                c.warning(dir.toString(), 0, "no rules in this folder (no .drl file); is it the right folder?");
                warned = true;
            }
        }
        if (c.pack.drl().isEmpty() && !warned) {
            c.warning("(rules)", 0, "no rules at all: pass a folder of .drl files with --rules, or drop --no-builtin-rules");
        }
    }
}
