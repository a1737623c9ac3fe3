package io.wudoctor.internal.engine.trust;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What compiled rule code may call: the fact model, the rule DSL the compiler itself generates,
 * and value types that cannot reach reflection, class objects, files, network, processes,
 * threads or the rule engine. Everything else is refused. docs/authoring-rules.md ("Trust")
 * prints this list; keep the two in step.
 *
 * <p>Names are JVM internal names ({@code java/lang/String}). A class listed here allows all its
 * methods and fields except the {@link #DENIED_MEMBERS} (anywhere) and {@link #DENIED_IN}.
 */
final class AllowList {

    private AllowList() {
    }

    /** Classes whose every member (but the denied ones) rules may use. */
    private static final Set<String> CLASSES = Set.of(
            // text and numbers
            "java/lang/String", "java/lang/StringBuilder", "java/lang/CharSequence", "java/lang/Character",
            "java/lang/Integer", "java/lang/Long", "java/lang/Double", "java/lang/Float", "java/lang/Short",
            "java/lang/Byte", "java/lang/Boolean", "java/lang/Number", "java/lang/Math", "java/lang/StrictMath",
            "java/lang/Comparable", "java/lang/Iterable",
            // exceptions a rule may throw or catch (never Error or Throwable: those would swallow the budget's stop)
            "java/lang/Exception", "java/lang/RuntimeException", "java/lang/IllegalArgumentException",
            "java/lang/IllegalStateException", "java/lang/UnsupportedOperationException", "java/lang/NullPointerException",
            "java/lang/ArithmeticException", "java/lang/IndexOutOfBoundsException", "java/lang/NumberFormatException",
            "java/lang/ClassCastException",
            // collections
            "java/util/Collection", "java/util/List", "java/util/ArrayList", "java/util/LinkedList", "java/util/Map",
            "java/util/Map$Entry", "java/util/HashMap", "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/SortedMap",
            "java/util/NavigableMap", "java/util/Set", "java/util/HashSet", "java/util/LinkedHashSet", "java/util/TreeSet",
            "java/util/SortedSet", "java/util/NavigableSet", "java/util/Queue", "java/util/Deque", "java/util/ArrayDeque",
            "java/util/Iterator", "java/util/ListIterator", "java/util/Collections", "java/util/Arrays", "java/util/Objects",
            "java/util/Optional", "java/util/OptionalInt", "java/util/OptionalLong", "java/util/OptionalDouble",
            "java/util/Comparator", "java/util/StringJoiner", "java/util/Locale", "java/util/NoSuchElementException",
            // regular expressions (matching runs under the rule budget: see RuleCodeRewriter)
            "java/util/regex/Pattern", "java/util/regex/Matcher", "java/util/regex/MatchResult");

    /** Packages (internal names with a trailing slash) whose every class is allowed, members as above. */
    private static final List<String> PACKAGES = List.of("io/wudoctor/facts/", "java/util/function/", "java/util/stream/",
            "java/time/", "java/time/format/", "java/time/temporal/", "java/time/chrono/");

    /**
     * The rule DSL the executable-model compiler generates: building rules, indexes and
     * constraints. None of it reaches a running session.
     */
    private static final List<String> DSL_PACKAGES = List.of("org/drools/model/", "org/drools/model/functions/",
            "org/drools/model/view/", "org/drools/model/consequences/", "org/drools/model/operators/",
            "org/drools/model/impl/", "org/drools/model/functions/accumulate/", "org/drools/model/functions/temporal/");
    private static final Set<String> DSL_CLASSES = Set.of("org/drools/modelcompiler/dsl/pattern/D",
            "org/drools/modelcompiler/util/EvaluationUtil", "org/drools/core/base/accumulators/CountAccumulateFunction",
            "org/drools/core/base/accumulators/SumAccumulateFunction",
            "org/drools/core/base/accumulators/CollectListAccumulateFunction",
            "org/drools/core/base/accumulators/CollectSetAccumulateFunction",
            "org/drools/core/base/accumulators/MinAccumulateFunction",
            "org/drools/core/base/accumulators/MaxAccumulateFunction",
            "org/drools/core/base/accumulators/AverageAccumulateFunction",
            "org/drools/core/base/accumulators/IntegerSumAccumulateFunction",
            "org/drools/core/base/accumulators/LongSumAccumulateFunction");

    /** In a consequence, {@code drools} (the rule context) may only add, change and remove facts of this session. */
    private static final String DROOLS = "org/drools/model/Drools";
    private static final Set<String> DROOLS_ALLOWED = Set.of("insert", "update", "delete");

    /** Why members with these names are refused on any allowed class. */
    private static final Map<String, String> DENIED_MEMBERS = Map.ofEntries(
            Map.entry("getClass", "a class object (reflection)"),
            Map.entry("getDeclaringClass", "a class object (reflection)"),
            Map.entry("describeConstable", "a class object (reflection)"),
            Map.entry("parallel", "runs on other threads"),
            Map.entry("parallelStream", "runs on other threads"),
            Map.entry("parallelSort", "runs on other threads"),
            Map.entry("parallelSetAll", "runs on other threads"),
            Map.entry("parallelPrefix", "runs on other threads"),
            Map.entry("wait", "blocks the thread"),
            Map.entry("notify", "signals other threads"),
            Map.entry("notifyAll", "signals other threads"),
            Map.entry("getInteger", "reads system properties"),
            Map.entry("getLong", "reads system properties"),
            Map.entry("getBoolean", "reads system properties"),
            Map.entry("setDefault", "changes process-wide defaults"),
            Map.entry("printStackTrace", "writes to the process's standard streams"),
            Map.entry("finalize", "runs code in the garbage collector"));

    /** Members refused on one class: "owner.name". */
    private static final Map<String, String> DENIED_IN = Map.of(
            "java/util/regex/Pattern.split", "matches outside the rule budget (use String.split)",
            "java/util/regex/Pattern.splitAsStream", "matches outside the rule budget (use String.split)",
            "java/util/regex/Pattern.asPredicate", "matches outside the rule budget (use Pattern.matcher)",
            "java/util/regex/Pattern.asMatchPredicate", "matches outside the rule budget (use Pattern.matcher)",
            "java/util/stream/LongStream.range", "loops up to 2^63 times outside the rule budget",
            "java/util/stream/LongStream.rangeClosed", "loops up to 2^63 times outside the rule budget");

    /** Classes refused although their package is allowed. */
    private static final Map<String, String> DENIED_CLASSES = Map.of(
            "java/util/stream/StreamSupport", "can make parallel streams (other threads)");

    /** Exceptions rule code may catch: never an Error or Throwable, which would swallow the rule budget's stop. */
    static String catchRefusal(String internalName) {
        return internalName == null || internalName.endsWith("Exception") && typeRefusal(internalName) == null ? null
                : "catches errors (only exceptions may be caught: an error is how a rule past its budget is stopped)";
    }

    /** Why a compiled rule class may not extend or implement {@code internalName}, or null. */
    static String supertypeRefusal(String internalName) {
        if (internalName.equals("org/drools/base/factmodel/GeneratedFact")
                || internalName.equals("org/drools/base/factmodel/AccessibleFact")) {
            return null; // what the compiler makes every declared type implement
        }
        if (internalName.equals("java/lang/Throwable") || internalName.startsWith("java/lang/Thread")) {
            return "extends a type rules may not extend";
        }
        return typeRefusal(internalName);
    }

    /** The members every class has that rules may use on any object. */
    private static final Set<String> OBJECT_MEMBERS = Set.of("<init>", "equals", "hashCode", "toString");
    private static final Set<String> ENUM_MEMBERS = Set.of("<init>", "name", "ordinal", "compareTo", "equals", "hashCode",
            "toString", "valueOf", "values");

    /** Single members of otherwise refused classes: what the compiler's own generated code needs, all harmless. */
    private static final Set<String> MEMBERS = Set.of(
            "java/lang/System.arraycopy", // an enum's values()
            "org/drools/util/DateUtils.getDateFormatMask"); // the date format of DRL date literals

    /** Why rule code may not use {@code owner.name}, or null when it may. */
    static String refusal(String owner, String name) {
        if (MEMBERS.contains(owner + "." + name)) {
            return null;
        }
        if (owner.startsWith("[")) {
            return name.equals("clone") || OBJECT_MEMBERS.contains(name) || name.equals("length") ? null
                    : "is not an array operation rules may use";
        }
        String denied = DENIED_MEMBERS.get(name);
        if (denied != null) {
            return denied;
        }
        denied = DENIED_IN.get(owner + "." + name);
        if (denied != null) {
            return denied;
        }
        switch (owner) {
            case "java/lang/Object" -> {
                return OBJECT_MEMBERS.contains(name) ? null : "is not one of Object's equals, hashCode, toString";
            }
            case "java/lang/Enum", "java/lang/Record" -> {
                return ENUM_MEMBERS.contains(name) ? null : "is not one of an enum's or record's value methods";
            }
            case "java/lang/Throwable" -> {
                return name.equals("getMessage") || OBJECT_MEMBERS.contains(name) ? null : "is not Throwable.getMessage";
            }
            case DROOLS -> {
                return DROOLS_ALLOWED.contains(name) ? null
                        : "reaches the rule engine's internals (a consequence may only insert, update and delete facts)";
            }
            default -> {
                return typeRefusal(owner);
            }
        }
    }

    /** Why rule code may not name the type {@code internalName} (a class constant, a cast, a catch), or null. */
    static String typeRefusal(String internalName) {
        if (internalName.startsWith("[")) {
            return null; // an array type: its element type is checked where it is used
        }
        if (DENIED_CLASSES.containsKey(internalName)) {
            return DENIED_CLASSES.get(internalName);
        }
        if (CLASSES.contains(internalName) || inPackage(internalName, PACKAGES) || DSL_CLASSES.contains(internalName)
                || inPackage(internalName, DSL_PACKAGES) || internalName.equals("java/lang/Object")
                || internalName.equals("java/lang/Enum") || internalName.equals("java/lang/Record")
                || internalName.equals("java/lang/Throwable") || internalName.equals("java/io/Serializable")
                || internalName.equals("org/kie/api/runtime/rule/RuleContext")) {
            return null;
        }
        return reason(internalName);
    }

    private static boolean inPackage(String internalName, List<String> packages) {
        int slash = internalName.lastIndexOf('/');
        String pkg = internalName.substring(0, slash + 1);
        return packages.contains(pkg);
    }

    /** A short reason naming what kind of reach a refused class is. */
    private static String reason(String internalName) {
        String n = internalName;
        if (n.startsWith("java/io/") || n.startsWith("java/nio/")) {
            return "reads or writes files";
        }
        if (n.startsWith("java/net/") || n.startsWith("javax/net/")) {
            return "opens network connections";
        }
        if (n.startsWith("java/lang/reflect/") || n.startsWith("java/lang/invoke/") || n.equals("java/lang/Class")
                || n.equals("java/lang/ClassLoader") || n.equals("java/lang/Module") || n.equals("java/lang/ModuleLayer")
                || n.startsWith("java/lang/module/")) {
            return "uses reflection or class loading";
        }
        if (n.equals("java/lang/System") || n.equals("java/lang/Runtime") || n.startsWith("java/lang/Process")) {
            return "reaches the process (programs, exit, environment, properties, standard streams)";
        }
        if (n.startsWith("java/lang/Thread") || n.startsWith("java/util/concurrent/") || n.startsWith("java/util/Timer")) {
            return "starts or controls threads";
        }
        if (n.startsWith("org/kie/") || n.startsWith("org/drools/") || n.startsWith("org/mvel2/")) {
            return "reaches the rule engine's internals";
        }
        if (n.startsWith("io/wudoctor/")) {
            return "reaches wudoctor's internals (rules see only io.wudoctor.facts)";
        }
        return "is not on the list of types rules may use";
    }
}
