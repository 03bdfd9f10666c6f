package uk.localoffer.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.Fixtures;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreTest {
    @TempDir Path dir;

    private final Authority liverpool = Fixtures.authority("E08000012", "Liverpool", Nation.ENGLAND, 53.41, -2.98);

    @Test
    void everyFieldOfAServiceAndAnEntitlementSurvivesARoundTripThroughTheFile() {
        var b = Fixtures.service("rt");
        b.authority = "E08000012";
        b.languages = Set.of("en", "ps");
        b.welsh = LanguageSupport.WelshProvision.ON_REQUEST;
        b.delivery = Set.of(Delivery.IN_PERSON, Delivery.PHONE);
        b.residence = Residence.authorities(Set.of("E08000012"));
        b.exclusions = Set.of("substance_use");
        b.waitWeeks = 12;
        Service s = b.build();
        Entitlement e = Fixtures.entitlement("e1", "E08000012", "Setting-up-home grant");
        try (Store store = Store.open(dir.resolve("d.sqlite"))) {
            store.write(w -> {
                w.upsertAuthorities(List.of(liverpool));
                long run = w.startImportRun("test", "x");
                w.replaceServices("test", List.of(s), run);
                w.replaceEntitlements("test", List.of(e), run);
                return null;
            });
        }
        try (Store reopened = Store.open(dir.resolve("d.sqlite"))) {
            assertEquals(s, reopened.service(s.id()).orElseThrow());
            assertEquals(List.of(e), reopened.entitlements("E08000012"));
            assertEquals(liverpool, reopened.authority("E08000012").orElseThrow());
            assertEquals(5, reopened.schemaVersion());
        }
    }

    @Test
    void reimportingTheSameRecordsChangesNothingAndRemovalsStayInsideTheirSource() {
        Service a = Fixtures.service("a").build(), bSvc = Fixtures.service("b").build();
        var other = Fixtures.service("x");
        try (Store store = Store.open(dir.resolve("d.sqlite"))) {
            store.write(w -> {
                w.upsertAuthorities(List.of(liverpool));
                w.replaceServices("test", List.of(a, bSvc), w.startImportRun("test", "1"));
                return null;
            });
            Changes again = store.write(w -> w.replaceServices("test", List.of(a, bSvc), w.startImportRun("test", "2")));
            assertEquals(new Changes(0, 0, 0, 2), again);
            Changes dropB = store.write(w -> w.replaceServices("test", List.of(a), w.startImportRun("test", "3")));
            assertEquals(new Changes(0, 0, 1, 1), dropB);
            assertEquals(List.of(a), store.services());
            assertEquals(List.of("added", "removed"), store.ledger().history("service", bSvc.id().toString()).stream().map(Ledger.Change::change).toList());
        }
    }

    @Test
    void aFailedWriteLeavesEverythingAsItWas() {
        try (Store store = Store.open(dir.resolve("d.sqlite"))) {
            store.write(w -> { w.upsertAuthorities(List.of(liverpool)); return null; });
            var bad = Fixtures.service("bad");
            bad.authority = "E99999999"; // no such authority: the foreign key refuses it
            assertThrows(RuntimeException.class, () -> store.write(w -> {
                w.replaceServices("test", List.of(Fixtures.service("fine").build()), w.startImportRun("test", "1"));
                w.replaceServices("other", List.of(bad.build()), w.startImportRun("other", "1"));
                return null;
            }));
            assertTrue(store.services().isEmpty(), "the first half of the failed write must not be kept");
        }
    }

    @Test
    void aDryRunReportsChangesButStoresNothing() {
        try (Store store = Store.open(dir.resolve("d.sqlite"))) {
            Changes c = store.dryRun(w -> w.replaceServices("test", List.of(Fixtures.service("a").build()), w.startImportRun("test", "1")));
            assertEquals(1, c.added());
            assertTrue(store.services().isEmpty());
        }
    }
}
