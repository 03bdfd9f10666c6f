package uk.localoffer.importer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.localoffer.TestData;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;
import uk.localoffer.store.Stats;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default dataset, loaded for real from data/, as a first-time user gets it. */
class DefaultDatasetTest {
    @org.junit.jupiter.api.io.TempDir static Path dir;
    static Store store;

    @BeforeAll
    static void load() throws Exception {
        store = TestData.defaultStore(dir);
    }

    @AfterAll
    static void close() { store.close(); }

    @Test
    void everyEnglishAndWelshChildrensServicesAuthorityIsThere() {
        List<Authority> all = store.authorities();
        assertEquals(153, all.stream().filter(a -> a.nation() == Nation.ENGLAND).count());
        assertEquals(22, all.stream().filter(a -> a.nation() == Nation.WALES).count());
        assertEquals("Caerdydd", store.authority("W06000015").orElseThrow().nameCy());
    }

    @Test
    void reviewRowsAreLinkedIncludingMergedAndJointAuthoritiesAndTheRestSayWhy() {
        List<ReviewRow> rows = store.reviewRows();
        assertEquals(150, rows.size());
        List<ReviewRow> unlinked = rows.stream().filter(r -> r.authorityCodes().isEmpty()).toList();
        assertTrue(rows.size() - unlinked.size() >= 148, "linked: " + (rows.size() - unlinked.size()));
        unlinked.forEach(r -> assertFalse(r.linkNote() == null || r.linkNote().isBlank(), r.rawName() + " has no reason"));
        Map<String, List<String>> byName = rows.stream().collect(Collectors.toMap(ReviewRow::rawName, ReviewRow::authorityCodes));
        assertEquals(List.of("E09000021", "E09000027"), byName.get("Kingston and Richmond"));
        assertEquals(List.of("E06000063", "E06000064"), byName.get("Cumbria County Council"));
        assertEquals(List.of("E06000058"), byName.get("Poole Borough Council"));
        assertEquals(List.of("E06000010"), byName.get("Hull City Council"));
        assertEquals(List.of(), byName.get("Greater Manchester Combined Authority"));
        // kept as published, not cleaned up
        ReviewRow southend = rows.stream().filter(r -> r.rawName().startsWith("Southend")).findFirst().orElseThrow();
        assertEquals("Y - nurse", southend.flags().get("dedicated_mh_workers"));
        assertTrue(southend.says("dedicated_mh_workers"));
    }

    @Test
    void everyAuthorityHasServicesAndEntitlementsAndNothingIllustrativeIsPassedOffAsSourced() {
        Stats s = store.stats();
        assertEquals(0, s.authoritiesWithoutServices());
        assertEquals(0, s.authoritiesWithoutEntitlements());
        assertTrue(s.illustrativeRecords() > 0 && s.sourcedRecords() > 0);
        for (Service svc : store.services()) {
            boolean fromTemplates = svc.provenance().source().equals(Importer.ILLUSTRATIVE_SOURCE);
            if (fromTemplates) assertTrue(svc.provenance().illustrative(), svc.name());
            assertFalse(svc.provenance().note() == null || svc.provenance().note().isBlank(), svc.name() + " has no source note");
        }
        for (Entitlement e : store.entitlements())
            assertFalse(e.provenance().note() == null || e.provenance().note().isBlank(), e.title());
    }

    @Test
    void illustrativeOffersFollowWhatTheReviewSaysEachAuthorityListed() {
        Set<String> mentoringAuthorities = store.reviewRows().stream().filter(r -> r.says("mentoring"))
                .flatMap(r -> r.authorityCodes().stream()).collect(Collectors.toSet());
        Set<String> withMentoringScheme = store.services().stream()
                .filter(s -> s.provenance().illustrative() && s.needs().contains("mentoring") && s.careLeaverSpecific()
                        && s.provenance().sourceId().startsWith("mentoring"))
                .map(Service::authorityCode).collect(Collectors.toSet());
        assertFalse(mentoringAuthorities.isEmpty());
        assertEquals(mentoringAuthorities, withMentoringScheme);
    }

    @Test
    void theNamedServicesFromTheResearchAreSourcedRecords() {
        Service talk = store.services().stream().filter(s -> s.name().equals("Talk Liverpool")).findFirst().orElseThrow();
        assertFalse(talk.provenance().illustrative());
        assertEquals("E08000012", talk.authorityCode());
        assertFalse(talk.careLeaverSpecific());
    }

    @Test
    void reimportingTheDefaultDatasetChangesNothing() throws Exception {
        ImportReport again = new Importer(store).importDefault(Importer.DataFiles.embedded(),
                Importer.DefaultOptions.everything());
        again.changes().forEach((what, c) -> assertTrue(c.isEmpty(), what + ": " + c));
    }
}
