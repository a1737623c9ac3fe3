package io.wudoctor.internal.authoring.validate;

import io.wudoctor.internal.engine.DrlCompiler;
import io.wudoctor.internal.kb.RulePack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code wudoctor rules validate}: every problem in a pack, in one run, each with file and
 * line. Errors make the pack unusable or wrong (a dangling reference, a syntax error, unsafe
 * code); warnings point at likely mistakes that do not stop a diagnosis (an unused signature).
 */
public final class Validator {

    private final DrlCompiler compiler;

    /** @param cacheDir where the compiled rules are cached (a success serves the next diagnosis); null: no cache */
    public Validator(Path cacheDir) {
        this.compiler = new DrlCompiler(cacheDir);
    }

    /** The result: issues sorted by file and line. */
    public record Result(List<Issue> issues) {

        public long errors() {
            return issues.stream().filter(Issue::isError).count();
        }

        public long warnings() {
            return issues.size() - errors();
        }
    }

    /**
     * @param folders the analysts' folders that were loaded (each should hold rules)
     * @param allowUnsafe report unsafe rules as warnings instead of errors
     */
    public Result validate(RulePack pack, List<Path> folders, boolean allowUnsafe) {
        Context context = new Context(pack, folders, allowUnsafe);
        pack.problems().forEach(context::error);
        DuplicateCheck duplicates = new DuplicateCheck();
        TrustCheck trust = new TrustCheck();
        List<Check> checks = List.of(new EmptyFolderCheck(), trust, new MetadataCheck(), duplicates,
                new ReferenceCheck(), new CatalogContentCheck(), new TestCaseCheck(),
                new CompileCheck(compiler, duplicates::foundDuplicateNames, trust::refused));
        checks.forEach(c -> c.run(context));
        List<Issue> sorted = new ArrayList<>(context.issues());
        sorted.sort(Comparator.comparing(Issue::file).thenComparingInt(Issue::line));
        return new Result(List.copyOf(sorted));
    }
}
