package io.wudoctor.internal.engine.trust;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Puts compiled rule code under the rule budget ({@code io.wudoctor.internal.engine.RuleBudget}):
 * a tick at the start of every method (recursion) and before every backward jump (loops), and
 * regular-expression calls routed through the budget's versions, whose input ticks on every
 * character read (backtracking). A tick changes neither the stack nor the locals, so the
 * compiler's stack map frames stay valid.
 */
final class RuleCodeRewriter extends ClassVisitor {

    static final String BUDGET = "io/wudoctor/internal/engine/RuleBudget";

    /** Regex entry points ("owner.name+desc") and the budget's static replacement (name+desc). */
    private static final Map<String, String> REGEX = Map.of(
            "java/util/regex/Pattern.matcher(Ljava/lang/CharSequence;)Ljava/util/regex/Matcher;",
            "matcher(Ljava/util/regex/Pattern;Ljava/lang/CharSequence;)Ljava/util/regex/Matcher;",
            "java/util/regex/Matcher.reset(Ljava/lang/CharSequence;)Ljava/util/regex/Matcher;",
            "reset(Ljava/util/regex/Matcher;Ljava/lang/CharSequence;)Ljava/util/regex/Matcher;",
            "java/util/regex/Pattern.matches(Ljava/lang/String;Ljava/lang/CharSequence;)Z",
            "patternMatches(Ljava/lang/String;Ljava/lang/CharSequence;)Z",
            "java/lang/String.matches(Ljava/lang/String;)Z", "matches(Ljava/lang/String;Ljava/lang/String;)Z",
            "java/lang/String.replaceAll(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
            "replaceAll(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
            "java/lang/String.replaceFirst(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
            "replaceFirst(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
            "java/lang/String.split(Ljava/lang/String;)[Ljava/lang/String;",
            "split(Ljava/lang/String;Ljava/lang/String;)[Ljava/lang/String;",
            "java/lang/String.split(Ljava/lang/String;I)[Ljava/lang/String;",
            "split(Ljava/lang/String;Ljava/lang/String;I)[Ljava/lang/String;");

    static boolean isRegex(String owner, String name, String desc) {
        return REGEX.containsKey(owner + "." + name + desc);
    }

    RuleCodeRewriter(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, desc, sig, exceptions);
        return new MethodVisitor(Opcodes.ASM9, next) {
            private final Set<Label> seen = new HashSet<>();

            @Override
            public void visitCode() {
                super.visitCode();
                tick();
            }

            @Override
            public void visitLabel(Label label) {
                seen.add(label);
                super.visitLabel(label);
            }

            @Override
            public void visitJumpInsn(int opcode, Label label) {
                if (seen.contains(label)) {
                    tick(); // a backward jump: a loop
                }
                super.visitJumpInsn(opcode, label);
            }

            @Override
            public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                String replacement = REGEX.get(owner + "." + n + d);
                if (replacement != null) {
                    int paren = replacement.indexOf('(');
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, replacement.substring(0, paren),
                            replacement.substring(paren), false);
                } else {
                    super.visitMethodInsn(op, owner, n, d, itf);
                }
            }

            private void tick() {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, "tick", "()V", false);
            }
        };
    }
}
