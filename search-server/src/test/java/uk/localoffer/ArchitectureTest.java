package uk.localoffer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules of docs/architecture.md, checked on the compiled classes of both modules: one
 * direction, domain <- store <- importer / index <- match <- directory <- server (with upkeep, an
 * authority's own writes, beside directory: over store and importer, under server), no package
 * cycle, and no web framework in the core.
 */
class ArchitectureTest {
    /** The program's own classes, both modules, without the tests. */
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("uk.localoffer");

    /** No two packages, at any depth, depend on each other, directly or round a loop. */
    static final ArchRule noPackageCycles = slices().matching("uk.localoffer.(**)").should().beFreeOfCycles();

    /** The core's packages, each allowed to be used only by those above it. */
    static final ArchRule coreLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy("uk.localoffer.domain..")
            .layer("geo").definedBy("uk.localoffer.geo..")
            .layer("oruk").definedBy("uk.localoffer.oruk..")
            .layer("store").definedBy("uk.localoffer.store..")
            .layer("importer").definedBy("uk.localoffer.importer..")
            .layer("index").definedBy("uk.localoffer.index..")
            .layer("match").definedBy("uk.localoffer.match..")
            .layer("directory").definedBy("uk.localoffer.directory..")
            .layer("upkeep").definedBy("uk.localoffer.upkeep..")
            .layer("evaluation").definedBy("uk.localoffer.evaluation..")
            .layer("reference").definedBy("uk.localoffer.reference..")
            .layer("server").definedBy("uk.localoffer.server..")
            .whereLayer("server").mayNotBeAccessedByAnyLayer()
            .whereLayer("reference").mayNotBeAccessedByAnyLayer()
            .whereLayer("evaluation").mayOnlyBeAccessedByLayers("server")
            .whereLayer("directory").mayOnlyBeAccessedByLayers("server")
            .whereLayer("upkeep").mayOnlyBeAccessedByLayers("server")
            .whereLayer("match").mayOnlyBeAccessedByLayers("directory", "evaluation", "server")
            .whereLayer("index").mayOnlyBeAccessedByLayers("match", "directory", "server")
            .whereLayer("importer").mayOnlyBeAccessedByLayers("reference", "upkeep", "server")
            .whereLayer("store").mayOnlyBeAccessedByLayers("importer", "directory", "upkeep", "server")
            .whereLayer("oruk").mayOnlyBeAccessedByLayers("importer", "directory", "upkeep", "server")
            .whereLayer("geo").mayOnlyBeAccessedByLayers("store", "importer", "index", "match", "directory", "reference", "server");

    /** The server's packages: the command line over the web app over the resources over HTTP plumbing. */
    static final ArchRule serverLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("main").definedBy("uk.localoffer.server")
            .layer("cli").definedBy("uk.localoffer.server.cli..")
            .layer("web").definedBy("uk.localoffer.server.web..")
            .layer("api").definedBy("uk.localoffer.server.api..")
            .layer("pages").definedBy("uk.localoffer.server.pages..")
            .layer("text").definedBy("uk.localoffer.server.text..")
            .layer("http").definedBy("uk.localoffer.server.http..")
            .whereLayer("main").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayOnlyBeAccessedByLayers("main")
            .whereLayer("web").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("api").mayOnlyBeAccessedByLayers("web", "cli")
            .whereLayer("pages").mayOnlyBeAccessedByLayers("web")
            .whereLayer("text").mayOnlyBeAccessedByLayers("api", "pages")
            .whereLayer("http").mayOnlyBeAccessedByLayers("web", "api", "pages", "cli");

    /** The core knows nothing of HTTP or the command line. */
    static final ArchRule coreHasNoWebOrCli = noClasses().that().resideOutsideOfPackage("uk.localoffer.server..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..", "picocli..");

    @Test
    void noPackageDependsOnItselfRoundALoop() { noPackageCycles.check(CLASSES); }

    @Test
    void theCoreGoesOneWay() { coreLayers.check(CLASSES); }

    @Test
    void theServerGoesOneWay() { serverLayers.check(CLASSES); }

    @Test
    void theCoreKnowsNoWebFrameworkAndNoCommandLine() { coreHasNoWebOrCli.check(CLASSES); }
}
