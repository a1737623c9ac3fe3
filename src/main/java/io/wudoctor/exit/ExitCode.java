package io.wudoctor.exit;

import io.wudoctor.api.BadInputException;
import io.wudoctor.api.BadRulesException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CLI's documented exit codes (shown in --help and README), and the one mapping from an
 * exception to its code: the CLI exits with it, a batch record carries it.
 */
public enum ExitCode {
    OK(0, "done"),
    INTERNAL_ERROR(1, "internal error (a bug: please report it; WUDOCTOR_DEBUG=1 shows the stack trace)"),
    USAGE(2, "usage error (unknown option, missing argument)"),
    BAD_INPUT(3, "bad input: the source or facts file is missing or invalid"),
    BAD_RULES(4, "bad rules: a rule file does not compile, load or validate, or a rule is refused as unsafe"),
    RULE_TESTS_FAILED(5, "rule tests failed: a case of a *.tests.yaml did not hold (rules test)"),
    SOURCES_FAILED(6, "some sources could not be diagnosed (batch: each has an error record; the others were diagnosed)"),
    // Apart from the error codes 1-5 so that a detection script can tell "found" from "broke".
    CAUSE_FOUND(10, "diagnose --fail-on-cause: a specific cause at the given confidence or more was found "
            + "(the report is written as usual)");

    public final int code;
    public final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The code a failure exits with: a problem the user can act on has its own, anything else is a bug. */
    public static ExitCode of(Throwable failure) {
        return ofType(failure.getClass());
    }

    /** The code of a failure of this type (ExitCodeTest checks that every WudoctorException type has one of its own). */
    public static ExitCode ofType(Class<? extends Throwable> type) {
        if (BadInputException.class.isAssignableFrom(type)) {
            return BAD_INPUT;
        }
        if (BadRulesException.class.isAssignableFrom(type)) {
            return BAD_RULES;
        }
        if (UsageException.class.isAssignableFrom(type)) {
            return USAGE;
        }
        return INTERNAL_ERROR;
    }

    /** picocli's "exit codes" help section, one line per code. */
    public static Map<String, String> helpList() {
        Map<String, String> map = new LinkedHashMap<>();
        for (ExitCode c : values()) {
            map.put(String.valueOf(c.code), c.meaning);
        }
        return map;
    }
}
