package io.wudoctor.internal.validate;

import io.wudoctor.api.RuleProblem;
import io.wudoctor.internal.engine.DrlCompiler;
import java.util.function.BooleanSupplier;

/** Compiles the DRL exactly as a diagnosis would (without loading it): every compile error with file and line. */
final class CompileCheck implements Check {

    private final DrlCompiler compiler;
    private final BooleanSupplier duplicateNamesReported;

    CompileCheck(DrlCompiler compiler, BooleanSupplier duplicateNamesReported) {
        this.compiler = compiler;
        this.duplicateNamesReported = duplicateNamesReported;
    }

    @Override
    public void run(Context c) {
        if (c.pack.drl().isEmpty()) {
            return;
        }
        for (RuleProblem p : compiler.verify(c.pack.drl())) {
            // Drools reports a duplicate rule name at the first file, twice; DuplicateCheck names the right place.
            boolean duplicate = p.message().startsWith("Duplicate rule name") || p.message().contains("is already defined");
            if (!(duplicate && duplicateNamesReported.getAsBoolean())) {
                c.error(p);
            }
        }
    }
}
