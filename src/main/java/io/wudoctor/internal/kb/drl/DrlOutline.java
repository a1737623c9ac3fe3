package io.wudoctor.internal.kb.drl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The outline of a DRL file from Drools' own parser, in its lenient (editor) mode so a file
 * with a syntax error still yields the rules before and after it: each rule's name, lines and
 * metadata ({@code @id}, {@code @title} ...), and each function and query. Compile errors are
 * not reported here: the compiler reports them with file and line.
 */
public record DrlOutline(String packageName, List<Block> blocks) {

    /** A rule, query or function: its kind, name, first and last line, and (rules) its metadata, values unquoted. */
    public record Block(String kind, String name, int line, int endLine, Map<String, String> meta) {

        /** How messages name it: {@code rule "x"}, {@code function f}. */
        public String label() {
            return kind + (kind.equals("function") ? " " + name : " \"" + name + "\"");
        }
    }

    public static DrlOutline of(String text) {
        PackageDescr pkg;
        try {
            pkg = new DrlParser(LanguageLevelOption.DRL6).parse(true, text);
        } catch (org.drools.drl.parser.DroolsParserException | RuntimeException e) {
            pkg = null; // the compiler will report what is wrong with the file
        }
        if (pkg == null) {
            return new DrlOutline("", List.of());
        }
        List<Block> blocks = new ArrayList<>();
        for (RuleDescr r : pkg.getRules()) {
            Map<String, String> meta = new LinkedHashMap<>();
            for (AnnotationDescr a : r.getAnnotations()) {
                meta.put(a.getName(), unquote(a.getSingleValueAsString()));
            }
            blocks.add(new Block(r instanceof QueryDescr ? "query" : "rule", r.getName(), r.getLine(),
                    Math.max(r.getEndLine(), r.getLine()), Map.copyOf(meta)));
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            blocks.add(new Block("function", f.getName(), f.getLine(), Math.max(f.getEndLine(), f.getLine()), Map.of()));
        }
        blocks.sort(java.util.Comparator.comparingInt(Block::line));
        return new DrlOutline(pkg.getName() == null ? "" : pkg.getName(), List.copyOf(blocks));
    }

    /** The rules, in file order. */
    public List<Block> rules() {
        return blocks.stream().filter(b -> b.kind().equals("rule")).toList();
    }

    /** The block a line lies in, or null. */
    public Block blockOf(int line) {
        for (Block b : blocks) {
            if (line >= b.line() && line <= b.endLine()) {
                return b;
            }
        }
        return null;
    }

    /** How messages name the block a line lies in ({@code rule "x"}), or null outside any. */
    public String blockAt(int line) {
        Block b = blockOf(line);
        return b == null ? null : b.label();
    }

    private static String unquote(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }
}
