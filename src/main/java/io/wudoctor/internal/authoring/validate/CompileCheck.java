package io.wudoctor.internal.authoring.validate;

import io.wudoctor.api.RuleProblem;
import io.wudoctor.internal.engine.DrlCompiler;
import io.wudoctor.internal.engine.trust.TrustScan;
import java.util.function.BooleanSupplier;

/** Compiles the DRL exactly as a diagnosis would (without loading it): every compile error with file and line. */
final class CompileCheck implements Check {

    private final DrlCompiler compiler;
    private final BooleanSupplier duplicateNamesReported;
    private final BooleanSupplier refusedAsUnsafe;

    CompileCheck(DrlCompiler compiler, BooleanSupplier duplicateNamesReported, BooleanSupplier refusedAsUnsafe) {
        this.compiler = compiler;
        this.duplicateNamesReported = duplicateNamesReported;
        this.refusedAsUnsafe = refusedAsUnsafe;
    }

    @Override
    public void run(Context c) {
        if (c.pack.drl().isEmpty() || !c.allowUnsafe && refusedAsUnsafe.getAsBoolean()) {
            return; // refused code is never handed to a compiler
        }
        for (RuleProblem p : compiler.verify(DrlCompiler.groups(c.pack.drl(), c.folders))) {
            // Drools reports a duplicate rule name at the first file, twice; DuplicateCheck names the right place.
            boolean duplicate = p.message().startsWith("Duplicate rule name") || p.message().contains("is already defined")
                    || p.message().contains("duplicate rule name in package"); // across folders: DrlCompiler.groups
            if (duplicate && duplicateNamesReported.getAsBoolean()) {
                continue;
            }
            if (c.allowUnsafe && p.message().endsWith(TrustScan.REFUSED)) {
                c.warning(p.file(), p.line(), p.message().replace(TrustScan.REFUSED, "(allowed by --allow-unsafe-rules)"));
            } else {
                c.error(p);
            }
        }
    }
}
