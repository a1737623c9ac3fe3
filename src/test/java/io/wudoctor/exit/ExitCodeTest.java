package io.wudoctor.exit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.wudoctor.api.BadInputException;
import io.wudoctor.api.BadRulesException;
import io.wudoctor.api.WudoctorException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void eachKindOfProblemHasItsDocumentedCode() {
        assertThat(ExitCode.of(new BadInputException("x")).code).isEqualTo(3);
        assertThat(ExitCode.of(new BadRulesException("x")).code).isEqualTo(4);
        assertThat(ExitCode.of(new UsageException("x")).code).isEqualTo(2);
        assertThat(ExitCode.of(new IllegalStateException("a bug")).code).isEqualTo(1);
        assertThat(ExitCode.of(new StackOverflowError()).code).isEqualTo(1);
    }

    /** A new kind of WudoctorException that the mapping does not know would exit as "internal error (a bug)". */
    @Test
    void everyWudoctorExceptionTypeHasACodeOfItsOwn() {
        List<Class<?>> types = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.wudoctor").get(WudoctorException.class).getAllSubclasses().stream()
                .map(JavaClass::reflect).toList();
        assertThat(types).contains(BadInputException.class, BadRulesException.class, UsageException.class);
        for (Class<?> type : types) {
            assertThat(ExitCode.ofType(type.asSubclass(Throwable.class))).as(type.getName()).isNotEqualTo(ExitCode.INTERNAL_ERROR);
        }
    }

    @Test
    void codesAreDistinct() {
        assertThat(Arrays.stream(ExitCode.values()).map(c -> c.code)).doesNotHaveDuplicates();
    }
}
