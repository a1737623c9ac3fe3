package io.wudoctor.internal.gather.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.api.BadRulesException;
import io.wudoctor.api.RuleProblem;
import io.wudoctor.facts.LogKind;
import io.wudoctor.internal.kb.RulePackLoader;
import io.wudoctor.internal.kb.SignatureDef;
import io.wudoctor.testing.BadRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignaturePatternProblemsTest {

    @Test
    void theLoaderReportsEveryBadPatternWithFileAndLine(@TempDir Path rules) throws IOException {
        Path file = Files.writeString(rules.resolve("mine.signatures.yaml"), BadRules.TWO_BAD_PATTERNS);

        List<RuleProblem> problems = new RulePackLoader().folder(rules).load().problems();

        assertThat(problems).extracting(RuleProblem::file, RuleProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(file.toString(), 8),
                        org.assertj.core.groups.Tuple.tuple(file.toString(), 11));
        assertThat(problems.get(0).message()).startsWith("signature 'unclosed-group': invalid regex: Unclosed group");
    }

    @Test
    void compilingSignaturesOutsideTheLoaderStillNamesEveryBadOne() {
        List<SignatureDef> defs = List.of(
                new SignatureDef("a", LogKind.CBS, null, null, null, "(", null, null),
                new SignatureDef("b", LogKind.CBS, null, null, null, "ok", null, null),
                new SignatureDef("c", LogKind.CBS, null, null, null, "[", null, null));

        assertThatThrownBy(() -> SignatureSet.compile(defs)).isInstanceOf(BadRulesException.class)
                .satisfies(e -> assertThat(((BadRulesException) e).problems()).extracting(RuleProblem::file)
                        .containsExactly("signature a", "signature c"));
    }
}
