package io.wudoctor.internal.authoring.validate;

import io.wudoctor.api.RuleProblem;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.engine.trust.TrustScan;

/** Rules that reach outside the fact model: errors, or warnings when the analyst chose to trust them. */
final class TrustCheck implements Check {

    private boolean refused;

    /** Whether a file was refused: then nothing is compiled, since the classic compiler evaluates some DRL while it builds. */
    boolean refused() {
        return refused;
    }

    @Override
    public void run(Context c) {
        for (PackFile f : c.pack.drl()) {
            for (RuleProblem p : TrustScan.scan(f)) {
                if (c.allowUnsafe) {
                    c.warning(p.file(), p.line(), p.message() + " (allowed by --allow-unsafe-rules)");
                } else {
                    refused = true;
                    c.error(p.file(), p.line(), p.message() + " " + TrustScan.REFUSED);
                }
            }
        }
    }
}
