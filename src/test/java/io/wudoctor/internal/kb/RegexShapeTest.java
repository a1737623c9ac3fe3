package io.wudoctor.internal.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegexShapeTest {

    static Stream<Arguments> literals() {
        return Stream.of(
                arguments("Failed in StartService for \\[\\d+\\]\"(?<service>x)\" with error code 2(?!\\d)", "Failed in StartService for ["),
                arguments("INSTALL index: \\d+, phase: \\d+, result 2, inf: (?<inf>x)", ", result 2, inf: "),
                arguments("abc?defgh", "defgh"),
                arguments("abcdef*gh", "abcde"),
                arguments("abcdef{2}gh", "abcde"),
                arguments("abcdef+gh", "abcdef"),
                arguments("abc\\.def\\\\ghi", "abc.def\\ghi"),
                arguments("ab\\d+cd", null),
                arguments("[)(]+longliteral", "longliteral"),
                arguments("(?:x|y)middle(?i:case)", "middle"),
                arguments("one|two-three", null),
                arguments("(?i)case insensitive", null),
                arguments("\\Qquoted\\E", null));
    }

    @ParameterizedTest
    @MethodSource("literals")
    void longestMandatoryLiteral(String regex, String literal) {
        assertThat(RegexShape.of(regex).literal()).isEqualTo(literal);
    }

    @Test
    void namedGroupsAreListedButNotLookarounds() {
        assertThat(RegexShape.of("(?<a>x)(?<=y)(?<!z)\\(?<notagroup>(?<b2>[(?<c>])").groupNames())
                .containsExactly("a", "b2");
    }

    /** The literal must be in every line the regex matches, so the prefilter never loses a hit. */
    @Test
    void everyBuiltinSignatureHasALiteralThatItsExamplesContain() {
        for (SignatureDef def : new RulePackLoader().builtin().load().signatures()) {
            String literal = RegexShape.of(def.pattern()).literal();
            assertThat(literal).as(def.id()).isNotNull();
            for (String example : def.examples()) {
                assertThat(Pattern.compile(def.pattern()).matcher(example).find()).as(def.id() + " matches its example").isTrue();
                assertThat(example).as(def.id()).contains(literal);
            }
        }
    }
}
