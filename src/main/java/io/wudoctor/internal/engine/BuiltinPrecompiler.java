package io.wudoctor.internal.engine;

import io.wudoctor.api.BadRulesException;
import io.wudoctor.internal.kb.RulePackLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A build step (the pom runs it after compiling): compiles the built-in rules into the module
 * the jar ships under {@code wudoctor/precompiled/}, so that no user's first diagnosis spends
 * seconds compiling them. The module is named by the same content key as the run-time cache,
 * so it is used only while the built-in rules are exactly those it was compiled from; with
 * {@code --rules} folders the rules compile at run time as before.
 */
public final class BuiltinPrecompiler {

    private BuiltinPrecompiler() {
    }

    /** @param args the class output folder (target/classes), which already holds wudoctor/rules */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuiltinPrecompiler CLASSES_DIR");
        }
        Path dir = Path.of(args[0]).resolve(DrlCompiler.PRECOMPILED);
        try {
            Path module = new DrlCompiler(null).precompile(new RulePackLoader().builtin().drlFiles(), dir);
            try (Stream<Path> all = Files.list(dir)) {
                for (Path old : all.filter(p -> p.toString().endsWith(".jar") && !p.equals(module)).toList()) {
                    Files.delete(old); // a module of earlier rules would only take space
                }
            }
            System.out.println("[wudoctor] built-in rules precompiled into " + Path.of(args[0]).relativize(module));
        } catch (BadRulesException e) {
            StringBuilder message = new StringBuilder("the built-in rules do not compile:");
            e.problems().forEach(p -> message.append(System.lineSeparator()).append("  ").append(p));
            throw new IllegalStateException(message.toString());
        }
    }
}
