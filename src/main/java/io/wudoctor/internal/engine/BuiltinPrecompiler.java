package io.wudoctor.internal.engine;

import io.wudoctor.api.BadRulesException;
import io.wudoctor.api.RuleProblem;
import io.wudoctor.internal.engine.trust.TrustScan;
import io.wudoctor.internal.kb.BuiltinCatalogs;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.kb.RulePackLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build step (the pom runs it after compiling): compiles the built-in rules and puts their
 * classes, checked and rewritten, into the class output with an index ({@link ShippedRules}),
 * so that no user's run compiles or checks them; and parses the built-in catalogs into the form
 * a run loads fastest ({@link BuiltinCatalogs}). The index is named by the same content key as
 * the run-time cache, so the classes serve only the exact built-in rules they were compiled
 * from; with {@code --rules} folders, those folders compile at run time as before. The trust
 * check of the DRL text runs here too: at run time it is left to the rules that do not come
 * from wudoctor's own jar.
 */
public final class BuiltinPrecompiler {

    private BuiltinPrecompiler() {
    }

    /** @param args the class output folder (target/classes), which already holds wudoctor/rules */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuiltinPrecompiler CLASSES_DIR");
        }
        Path classes = Path.of(args[0]);
        List<PackFile> drl = new RulePackLoader().builtin().drlFiles();
        Path work = Files.createTempDirectory("wudoctor-precompile-");
        try {
            List<RuleProblem> refused = TrustScan.refusals(drl);
            if (!refused.isEmpty()) {
                throw new BadRulesException(refused);
            }
            String key = DrlCompiler.cacheKey(drl, false);
            ShippedRules.write(new DrlCompiler(null).precompile(drl, work), key, classes);
            BuiltinCatalogs.write(classes);
            System.out.println("[wudoctor] built-in rules precompiled (" + ShippedRules.DIR + "rules-" + key + ".index), catalogs parsed");
        } catch (BadRulesException e) {
            StringBuilder message = new StringBuilder("the built-in rules do not compile or the trust check refuses them:");
            e.problems().forEach(p -> message.append(System.lineSeparator()).append("  ").append(p));
            throw new IllegalStateException(message.toString());
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
