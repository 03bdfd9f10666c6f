package uk.localoffer.importer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.localoffer.TestData;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;
import uk.localoffer.store.Store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default dataset, loaded for real as a first-time user gets it: sourced records only. */
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
    void theDefaultDatasetInventsNothing() {
        assertEquals(0, store.stats().illustrativeRecords());
        assertTrue(store.stats().sourcedRecords() > 0);
    }

    @Test
    void everySourcedFactNamesItsPageAndWhenItWasRecorded() {
        List<uk.localoffer.domain.Provenance> facts = new java.util.ArrayList<>();
        store.services().forEach(s -> facts.add(s.provenance()));
        store.entitlements().forEach(e -> facts.add(e.provenance()));
        store.councilTaxSchemes().forEach(c -> facts.add(c.provenance()));
        store.routes().forEach(r -> facts.add(r.provenance()));
        assertTrue(facts.size() > 500, "facts: " + facts.size());
        for (var p : facts) {
            assertTrue(p.sourceUrl() != null && p.sourceUrl().startsWith("http"), p.source() + " " + p.sourceId());
            assertTrue(p.recorded() != null, p.source() + " " + p.sourceId());
            assertFalse(p.illustrative(), p.source() + " " + p.sourceId());
        }
    }

    @Test
    void theExamplesComeOnlyWhenAskedForAndFollowWhatTheReviewSaysEachAuthorityListed(@org.junit.jupiter.api.io.TempDir Path other) throws Exception {
        try (Store examples = TestData.examplesStore(other)) {
            Set<String> mentoringAuthorities = examples.reviewRows().stream().filter(r -> r.says("mentoring"))
                    .flatMap(r -> r.authorityCodes().stream()).collect(Collectors.toSet());
            Set<String> withMentoringScheme = examples.services().stream()
                    .filter(s -> s.provenance().illustrative() && s.needs().contains("mentoring") && s.careLeaverSpecific()
                            && s.provenance().sourceId().startsWith("mentoring"))
                    .map(Service::authorityCode).collect(Collectors.toSet());
            assertFalse(mentoringAuthorities.isEmpty());
            assertEquals(mentoringAuthorities, withMentoringScheme);
            for (Service svc : examples.services())
                if (svc.provenance().source().equals(Importer.ILLUSTRATIVE_SOURCE)) assertTrue(svc.provenance().illustrative(), svc.name());
        }
    }

    @Test
    void theNamedServicesFromTheResearchAreSourcedRecords() {
        Service talk = store.services().stream().filter(s -> s.name().startsWith("Talk Liverpool")).findFirst().orElseThrow();
        assertFalse(talk.provenance().illustrative());
        assertEquals("E08000012", talk.authorityCode());
        assertFalse(talk.careLeaverSpecific());
        assertTrue(talk.contact().reachable());
    }

    @Test
    void reimportingTheDefaultDatasetChangesNothing() throws Exception {
        ImportReport again = new Importer(store).importDefault(DataFiles.embedded(),
                Importer.DefaultOptions.everything());
        assertFalse(again.changes().isEmpty());
        again.changes().forEach((what, c) -> assertTrue(c.isEmpty(), what + ": " + c));
    }
}
