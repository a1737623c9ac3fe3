import io.wudoctor.internal.engine.DrlCompiler;
import io.wudoctor.internal.kb.PackFile;
import io.wudoctor.internal.kb.RulePackLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;

/**
 * One way of turning the built-in DRL into a KieBase, in a fresh JVM, for bench/startup.sh.
 * Prints the milliseconds it took. Modes: mvel (classic compiler), exec (executable model, no
 * cache), cached (executable model loaded from wudoctor's cache).
 * Run: java -cp target/wudoctor-0.1.0.jar:target/lib/* bench/CompileModes.java MODE
 */
public class CompileModes {
    public static void main(String[] args) throws Exception {
        List<PackFile> drl = new RulePackLoader().builtin().drlFiles();
        long start = System.nanoTime();
        switch (args[0]) {
            case "mvel" -> {
                KieServices ks = KieServices.Factory.get();
                ReleaseId id = ks.newReleaseId("bench", "mvel", "1");
                KieFileSystem kfs = ks.newKieFileSystem();
                kfs.generateAndWritePomXML(id);
                for (int i = 0; i < drl.size(); i++) {
                    kfs.write("src/main/resources/bench/r" + i + ".drl", drl.get(i).content());
                }
                KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
                int errors = builder.getResults().getMessages(org.kie.api.builder.Message.Level.ERROR).size();
                if (errors > 0) {
                    // The classic compiler resolves a record's accessor `empty` as isEmpty() and fails;
                    // its time to that point is still the cost of that road.
                    System.err.println("mvel: " + errors + " error(s), e.g. record accessors it cannot resolve");
                } else {
                    ks.newKieContainer(id).getKieBase().newKieSession().dispose();
                }
            }
            case "exec" -> new DrlCompiler(Files.createTempDirectory("bench-exec")).compile(drl).kieBase().newKieSession().dispose();
            case "cached" -> new DrlCompiler(Path.of(args[1])).compile(drl).kieBase().newKieSession().dispose();
            default -> throw new IllegalArgumentException("mode: mvel, exec or cached");
        }
        System.out.println((System.nanoTime() - start) / 1_000_000);
    }
}
