package org.stageboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of ARCHITECTURE.md, kept by a test. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.stageboard");
    }

    @Test
    void theRulesSeeEveryPackageAndTheJavaFxTheyGuardAgainst() {
        for (String layer : java.util.List.of("core", "catalog", "git", "ssh", "build", "release", "run", "pipeline", "ui", "cli", "app")) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.stageboard." + layer)))
                    .as("package org.stageboard." + layer + " has classes").isTrue();
        }
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("org.stageboard.ui"))
                .anyMatch(c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getPackageName().startsWith("javafx."))))
                .as("the UI uses JavaFX, so the rule below is not vacuous").isTrue();
    }

    @Test
    void noJavaFxOutsideUiAndApp() {
        noClasses().that().resideOutsideOfPackages("org.stageboard.ui..", "org.stageboard.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the domain and engine must run without a window (CLI, tests)")
                .check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.stageboard.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void layersOnlyReachDownwards() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("org.stageboard.core..")
                .layer("catalog").definedBy("org.stageboard.catalog..")
                .layer("git").definedBy("org.stageboard.git..")
                .layer("ssh").definedBy("org.stageboard.ssh..")
                .layer("build").definedBy("org.stageboard.build..")
                .layer("release").definedBy("org.stageboard.release..")
                .layer("run").definedBy("org.stageboard.run..")
                .layer("pipeline").definedBy("org.stageboard.pipeline..")
                .layer("ui").definedBy("org.stageboard.ui..")
                .layer("cli").definedBy("org.stageboard.cli..")
                .layer("app").definedBy("org.stageboard.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("ui", "cli", "app")
                .whereLayer("build").mayOnlyBeAccessedByLayers("pipeline", "app")
                .whereLayer("release").mayOnlyBeAccessedByLayers("pipeline", "app")
                .whereLayer("run").mayOnlyBeAccessedByLayers("pipeline", "app")
                .whereLayer("git").mayOnlyBeAccessedByLayers("build", "pipeline", "app")
                .whereLayer("ssh").mayOnlyBeAccessedByLayers("run", "pipeline", "app")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("build", "release", "run", "pipeline", "ui", "cli", "app")
                .check(classes);
    }

    @Test
    void theWindowAndTheCliUseTheEngineNotItsCatalog() {
        noClasses().that().resideInAnyPackage("org.stageboard.ui..", "org.stageboard.cli..")
                .should().callMethod(org.stageboard.pipeline.Stageboard.class, "catalog")
                .because("the engine's queries are the closed facade; the catalog is the pipeline's business")
                .check(classes);
    }

    @Test
    void coreDependsOnNothingOfTheProject() {
        noClasses().that().resideInAPackage("org.stageboard.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.stageboard.catalog..", "org.stageboard.git..",
                        "org.stageboard.ssh..", "org.stageboard.build..", "org.stageboard.release..", "org.stageboard.run..",
                        "org.stageboard.pipeline..", "org.stageboard.ui..", "org.stageboard.cli..", "org.stageboard.app..")
                .check(classes);
    }
}
