package io.wudoctor.internal.authoring.validate;

import io.wudoctor.api.RuleProblem;
import io.wudoctor.internal.authoring.inventory.Inventory;
import io.wudoctor.internal.kb.RulePack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the checks read (the pack, as loaded and as written) and where they report. */
final class Context {

    final RulePack pack;
    final Inventory inventory;
    final List<Path> folders;
    final boolean allowUnsafe;
    private final List<Issue> issues = new ArrayList<>();

    Context(RulePack pack, List<Path> folders, boolean allowUnsafe) {
        this.pack = pack;
        this.inventory = Inventory.of(pack);
        this.folders = List.copyOf(folders);
        this.allowUnsafe = allowUnsafe;
    }

    void error(String file, int line, String message) {
        issues.add(new Issue(Issue.Severity.ERROR, file, line, message));
    }

    void warning(String file, int line, String message) {
        issues.add(new Issue(Issue.Severity.WARNING, file, line, message));
    }

    void error(RuleProblem p) {
        error(p.file(), p.line(), p.message());
    }

    List<Issue> issues() {
        return issues;
    }
}
