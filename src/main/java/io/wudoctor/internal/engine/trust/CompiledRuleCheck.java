package io.wudoctor.internal.engine.trust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The trust check on what the rule compiler produced: every class of a compiled rule module
 * is read before any of it is loaded, and every call, field access, class constant, lambda,
 * supertype and caught exception must be on the {@link AllowList} (or lie in the module
 * itself). Classes that pass come back rewritten by {@link RuleCodeRewriter} so that they run
 * under the rule budget. Checking the compiled code, not the DRL text, means no spelling of a
 * call (MVEL property paths, imports, a local class with an allowed name) can hide it.
 */
public final class CompiledRuleCheck {

    /** A reach the allow-list refuses, in a generated class (and the rule it was compiled from, when known). */
    public record Refusal(String className, String method, String rule, String what, String why) {
    }

    /** The rewritten classes (by entry name; load them only when nothing was refused or the user trusts the rules) and the refusals. */
    public record Result(Map<String, byte[]> classes, List<Refusal> refusals) {
    }

    /** The module descriptor the compiler writes for wudoctor's release id: it alone may use the KIE builder API. */
    private static final String PROJECT_MODEL = "org/drools/project/model/ProjectModel_io_wudoctor_rules_1";
    private static final String D = "org/drools/modelcompiler/dsl/pattern/D";

    private CompiledRuleCheck() {
    }

    /** @param classFiles entry name (ending .class) to bytes, every class of one compiled module */
    public static Result check(Map<String, byte[]> classFiles) {
        Map<String, Header> headers = new HashMap<>();
        for (byte[] bytes : classFiles.values()) {
            Header h = Header.of(bytes);
            headers.put(h.name, h);
        }
        Map<String, String> rules = ruleOfClass(classFiles.values(), headers.keySet());
        List<Refusal> refusals = new ArrayList<>();
        Map<String, byte[]> rewritten = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
            ClassReader reader = new ClassReader(e.getValue());
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            Checker checker = new Checker(new RuleCodeRewriter(writer), headers, rules, refusals);
            reader.accept(checker, 0);
            rewritten.put(e.getKey(), writer.toByteArray());
        }
        return new Result(rewritten, List.copyOf(refusals));
    }

    /** What the check needs to know of a module class without reading its code. */
    private record Header(String name, String superName, String[] interfaces, Set<String> members) {
        static Header of(byte[] bytes) {
            ClassReader r = new ClassReader(bytes);
            Set<String> members = new HashSet<>();
            r.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    members.add(name + desc);
                    return null;
                }

                @Override
                public org.objectweb.asm.FieldVisitor visitField(int access, String name, String desc, String sig, Object v) {
                    members.add(name);
                    return null;
                }
            }, ClassReader.SKIP_CODE);
            return new Header(r.getClassName(), r.getSuperName(), r.getInterfaces(), members);
        }
    }

    /**
     * Which rule each generated lambda class and rule method belongs to: the rule methods call
     * {@code D.rule(package, name)} and then name their lambdas' {@code INSTANCE}s.
     */
    private static Map<String, String> ruleOfClass(Iterable<byte[]> classes, Set<String> moduleClasses) {
        Map<String, String> rules = new HashMap<>();
        for (byte[] bytes : classes) {
            ClassReader r = new ClassReader(bytes);
            String owner = r.getClassName();
            r.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String desc, String sig, String[] ex) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        private String lastString;
                        private String rule;

                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof String s) {
                                lastString = s;
                            }
                        }

                        @Override
                        public void visitMethodInsn(int op, String o, String name, String d, boolean itf) {
                            if (o.equals(D) && name.equals("rule") && lastString != null) {
                                rule = lastString;
                                rules.put(owner + "." + method, rule);
                            }
                        }

                        @Override
                        public void visitFieldInsn(int op, String o, String name, String d) {
                            if (rule != null && moduleClasses.contains(o) && name.equals("INSTANCE")) {
                                rules.putIfAbsent(o, rule);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        return rules;
    }

    /** Checks one class's code against the allow-list, passing it on to the rewriter unchanged. */
    private static final class Checker extends ClassVisitor {
        private final Map<String, Header> module;
        private final Map<String, String> rules;
        private final List<Refusal> refusals;
        private String className;
        private boolean projectModel;

        Checker(ClassVisitor next, Map<String, Header> module, Map<String, String> rules, List<Refusal> refusals) {
            super(Opcodes.ASM9, next);
            this.module = module;
            this.rules = rules;
            this.refusals = refusals;
        }

        @Override
        public void visit(int version, int access, String name, String sig, String superName, String[] interfaces) {
            className = name;
            projectModel = name.equals(PROJECT_MODEL);
            if (!projectModel) {
                if (superName != null && !module.containsKey(superName)) {
                    refuse(null, "extends " + dotted(superName), AllowList.supertypeRefusal(superName));
                }
                for (String i : interfaces) {
                    if (!module.containsKey(i)) {
                        refuse(null, "implements " + dotted(i), AllowList.supertypeRefusal(i));
                    }
                }
            }
            super.visit(version, access, name, sig, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String desc, String sig, String[] ex) {
            MethodVisitor next = super.visitMethod(access, method, desc, sig, ex);
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitMethodInsn(int op, String owner, String name, String d, boolean itf) {
                    member(method, owner, name, d, "calls ");
                    super.visitMethodInsn(op, owner, name, d, itf);
                }

                @Override
                public void visitFieldInsn(int op, String owner, String name, String d) {
                    if ((op == Opcodes.PUTSTATIC || op == Opcodes.PUTFIELD) && !module.containsKey(owner)) {
                        refuse(method, "sets " + dotted(owner) + "." + name, "changes state outside the rules");
                    } else {
                        member(method, owner, name, null, "uses ");
                    }
                    super.visitFieldInsn(op, owner, name, d);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type t && t.getSort() == Type.OBJECT) {
                        type(method, t.getInternalName(), "a class constant ");
                    } else if (value instanceof Type t && t.getSort() == Type.ARRAY) {
                        refuse(method, "a class constant " + t.getClassName(), "a class object (reflection)");
                    } else if (value instanceof Handle h) {
                        handle(method, h);
                    } else if (value instanceof ConstantDynamic c) {
                        refuse(method, "a dynamic constant " + c.getName(), "is computed by arbitrary code");
                    }
                    super.visitLdcInsn(value);
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String d, Handle bootstrap, Object... args) {
                    String b = bootstrap.getOwner() + "." + bootstrap.getName();
                    if (b.equals("java/lang/invoke/LambdaMetafactory.metafactory")
                            || b.equals("java/lang/invoke/LambdaMetafactory.altMetafactory")) {
                        for (Object a : args) {
                            if (a instanceof Handle h) {
                                handle(method, h);
                            }
                        }
                        String fn = Type.getReturnType(d).getInternalName();
                        type(method, fn, "a lambda for ");
                    } else if (!b.equals("java/lang/invoke/StringConcatFactory.makeConcatWithConstants")) {
                        refuse(method, "a dynamic call through " + dotted(bootstrap.getOwner()), "runs arbitrary code");
                    }
                    super.visitInvokeDynamicInsn(name, d, bootstrap, args);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if (type != null && !module.containsKey(type)) {
                        String why = AllowList.catchRefusal(type);
                        if (why != null) {
                            refuse(method, "catch " + dotted(type), why);
                        }
                    }
                    super.visitTryCatchBlock(start, end, handler, type);
                }

            };
        }

        private void handle(String method, Handle h) {
            if (RuleCodeRewriter.isRegex(h.getOwner(), h.getName(), h.getDesc())) {
                refuse(method, "a method reference to " + dotted(h.getOwner()) + "." + h.getName(),
                        "matches outside the rule budget (write a lambda instead)");
            }
            member(method, h.getOwner(), h.getName(), h.getDesc(), "refers to ");
        }

        private void member(String method, String owner, String name, String desc, String verb) {
            if (projectModel && (owner.startsWith("org/kie/api/") || owner.equals("org/kie/util/maven/support/ReleaseIdImpl"))) {
                return; // the module descriptor: generated by the compiler from wudoctor's own settings
            }
            String resolved = resolve(owner, name, desc);
            if (resolved == null) {
                return; // declared in the module: its own code is checked in turn
            }
            String why = AllowList.refusal(resolved, name);
            if (why != null) {
                refuse(method, verb + dotted(owner) + "." + name, why);
            }
        }

        private void type(String method, String internalName, String what) {
            if (!module.containsKey(internalName)) {
                String why = AllowList.typeRefusal(internalName);
                if (why != null) {
                    refuse(method, what + dotted(internalName), why);
                }
            }
        }

        /**
         * The class outside the module whose member a call reaches: the owner itself when it is
         * not a module class, else the first supertype outside the module (a module class inherits
         * getClass from Object); null when a module class declares the member.
         */
        private String resolve(String owner, String name, String desc) {
            String c = owner;
            while (module.containsKey(c)) {
                Header h = module.get(c);
                if (h.members().contains(desc == null ? name : name + desc)) {
                    return null;
                }
                for (String i : h.interfaces()) {
                    if (!module.containsKey(i) && AllowList.refusal(i, name) == null) {
                        return i;
                    }
                }
                c = h.superName() == null ? "java/lang/Object" : h.superName();
            }
            return c;
        }

        private void refuse(String method, String what, String why) {
            if (why == null) {
                return;
            }
            String rule = method == null ? null : rules.get(className + "." + enclosing(method));
            if (rule == null) {
                rule = rules.get(className);
            }
            refusals.add(new Refusal(className, method, rule, what, why));
        }

        /** The method a lambda body was written in: javac names it lambda$outer$n. */
        private static String enclosing(String method) {
            if (method.startsWith("lambda$")) {
                int end = method.indexOf('$', 7);
                return end < 0 ? method : method.substring(7, end);
            }
            return method;
        }
    }

    static String dotted(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }
}
