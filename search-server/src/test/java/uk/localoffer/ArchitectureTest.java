package uk.localoffer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import java.util.Set;

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
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(Set.of(where(uk.localoffer.directory.Directory.class), where(uk.localoffer.server.Main.class)));

    /** The jar or folder a class was loaded from: reading only the two modules' own is what keeps this test quick. */
    private static Location where(Class<?> c) {
        try {
            return Location.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No two packages, at any depth, depend on each other, directly or round a loop. */
    static final ArchRule noPackageCycles = slices().matching("uk.localoffer.(**)").should().beFreeOfCycles();

    /** Layers named by package under {@code prefix} ("" is the prefix's own package). */
    static Architectures.LayeredArchitecture layers(String prefix, String... names) {
        Architectures.LayeredArchitecture l = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : names) l = l.layer(name.isEmpty() ? "main" : name).definedBy(name.isEmpty() ? prefix : prefix + "." + name + "..");
        return l;
    }

    /** The core's packages, each allowed to be used only by those above it. */
    static final ArchRule coreLayers = layers("uk.localoffer", "domain", "geo", "oruk", "store", "importer", "index", "match", "directory",
            "upkeep", "evaluation", "reference", "server")
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
    static final ArchRule serverLayers = layers("uk.localoffer.server", "", "cli", "web", "api", "pages", "text", "http")
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
    void theRulesSeeEveryPackageOfBothModules() {
        for (String p : java.util.List.of("domain", "geo", "oruk", "store", "importer", "index", "match", "directory", "upkeep", "evaluation", "reference",
                "server", "server.cli", "server.web", "server.api", "server.pages", "server.text", "server.http"))
            org.junit.jupiter.api.Assertions.assertTrue(CLASSES.containPackage("uk.localoffer." + p), p);
    }

    @Test
    void noPackageDependsOnItselfRoundALoop() { noPackageCycles.check(CLASSES); }

    @Test
    void theCoreGoesOneWay() { coreLayers.check(CLASSES); }

    @Test
    void theServerGoesOneWay() { serverLayers.check(CLASSES); }

    @Test
    void theCoreKnowsNoWebFrameworkAndNoCommandLine() { coreHasNoWebOrCli.check(CLASSES); }
}
