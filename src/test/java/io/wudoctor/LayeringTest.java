package io.wudoctor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package arrows docs/architecture.md draws, checked on the compiled main classes (so a
 * fully qualified use counts as much as an import): each layer uses only layers below it, the
 * authoring tools are used by the CLI alone, the public records need nothing internal, and no
 * two packages use each other.
 */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.wudoctor");

    /** Top to bottom: each layer's name, then its packages. */
    private static final List<String[]> LAYERS = List.of(
            new String[] {"cli", "io.wudoctor.cli.."},
            new String[] {"fleet", "io.wudoctor.fleet.."},
            new String[] {"exit", "io.wudoctor.exit.."},
            new String[] {"authoring", "io.wudoctor.internal.authoring.."},
            new String[] {"facade", "io.wudoctor"},
            new String[] {"render", "io.wudoctor.internal.render.."},
            new String[] {"plan", "io.wudoctor.internal.plan.."},
            new String[] {"engine", "io.wudoctor.internal.engine.."},
            new String[] {"gather", "io.wudoctor.internal.gather.."},
            new String[] {"kb", "io.wudoctor.internal.kb.."},
            new String[] {"support", "io.wudoctor.internal.yaml..", "io.wudoctor.internal.text.."},
            new String[] {"api", "io.wudoctor.api.."},
            new String[] {"facts", "io.wudoctor.facts.."});

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            layers = layers.layer(layer[0]).definedBy(Arrays.copyOfRange(layer, 1, layer.length));
        }
        for (int i = 1; i < LAYERS.size(); i++) {
            String name = LAYERS.get(i)[0];
            String[] above = LAYERS.subList(0, i).stream().map(l -> l[0]).toArray(String[]::new);
            // The authoring tools are the CLI's (rules validate, list, test): nothing that runs a diagnosis uses them.
            layers = layers.whereLayer(name).mayOnlyBeAccessedByLayers(name.equals("authoring") ? new String[] {"cli"} : above);
        }
        layers.whereLayer(LAYERS.get(0)[0]).mayNotBeAccessedByAnyLayer().check(MAIN);
    }

    @Test
    void thePublicRecordsNeedNothingInternal() {
        noClasses().that().resideInAnyPackage("io.wudoctor.api..", "io.wudoctor.facts..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wudoctor", "io.wudoctor.internal..",
                        "io.wudoctor.cli..", "io.wudoctor.fleet..", "io.wudoctor.exit..")
                .check(MAIN);
    }

    @Test
    void noTwoPackagesUseEachOther() {
        slices().matching("(**)").should().beFreeOfCycles().check(MAIN);
    }
}
