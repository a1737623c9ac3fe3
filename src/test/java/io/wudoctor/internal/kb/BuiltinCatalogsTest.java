package io.wudoctor.internal.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.internal.yaml.StrictMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in catalogs a run loads from the jar are what parsing their YAML gives. */
class BuiltinCatalogsTest {

    @Test
    void everyBuiltInCatalogFromTheJarEqualsItsYamlParsed() throws StrictMapper.Problem {
        RulePackLoader loader = new RulePackLoader().builtin();
        RulePack pack = loader.load();
        Map<String, Object> prebuilt = BuiltinCatalogs.of(loader.info().builtin().sha256());

        assertThat(prebuilt).as("the build wrote them for these very files").isNotNull();
        assertThat(prebuilt.keySet()).containsExactlyInAnyOrderElementsOf(pack.catalogs().stream().map(PackFile::name).toList());
        for (PackFile f : pack.catalogs()) {
            assertThat(prebuilt.get(f.name())).as(f.name())
                    .isEqualTo(StrictMapper.read(f.name(), f.content(), RulePackLoader.catalogType(f.name())));
        }
        assertThat(pack.causes()).isNotEmpty();
        assertThat(pack.fixes()).isNotEmpty();
        assertThat(pack.signatures()).isNotEmpty();
    }

    @Test
    void otherContentHasNone() {
        assertThat(BuiltinCatalogs.of("0".repeat(64))).isNull();
    }
}
