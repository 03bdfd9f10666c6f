package uk.localoffer.importer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.TestData;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Service;
import uk.localoffer.match.Weights;
import uk.localoffer.oruk.Oruk;
import uk.localoffer.oruk.OrukSchemas;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An authority's export, imported into a store that holds only reference data, gives the same records. */
class ExportRoundTripTest {
    static final String LIVERPOOL = "E08000012", CARDIFF = "W06000015";
    static Store full;
    @TempDir static Path fullDir;
    @TempDir Path dir;

    @BeforeAll
    static void load() throws Exception {
        full = TestData.examplesStore(fullDir);
    }

    @AfterAll
    static void close() { full.close(); }

    private Store referenceOnly() throws Exception {
        Store s = Store.open(dir.resolve("empty.sqlite"));
        new Importer(s).importDefault(DataFiles.embedded(), new Importer.DefaultOptions(false, true, false));
        assertEquals(0, s.stats().services());
        return s;
    }

    /** The content a user sees: everything except where and when it was imported from. */
    static Service content(Service s) {
        Provenance p = s.provenance();
        return s.withProvenance(new Provenance(null, null, null, p.lastVerified(), p.illustrative(), p.note(), p.sourceUrl(), p.pageDate(), p.recorded()));
    }

    static Entitlement content(Entitlement e) {
        Provenance p = e.provenance();
        return e.withProvenance(new Provenance(null, p.sourceId(), null, p.lastVerified(), p.illustrative(), p.note(), p.sourceUrl(), p.pageDate(), p.recorded()));
    }

    /** Equal lists of records; when not, names the first record and component that differ. */
    static <T extends Record> void assertSameRecords(List<T> expected, List<T> actual) {
        assertEquals(expected.size(), actual.size(), "number of records");
        for (int i = 0; i < expected.size(); i++) {
            T e = expected.get(i), a = actual.get(i);
            if (e.equals(a)) continue;
            for (var c : e.getClass().getRecordComponents()) {
                try {
                    Object x = c.getAccessor().invoke(e), y = c.getAccessor().invoke(a);
                    assertEquals(x, y, "record " + i + ", " + c.getName());
                } catch (ReflectiveOperationException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
    }

    static List<Service> servicesOf(Store s, String gss) {
        return s.services().stream().filter(x -> gss.equals(x.authorityCode())).map(ExportRoundTripTest::content)
                .sorted(Comparator.comparing(Service::id)).toList();
    }

    @Test
    void aCsvExportImportedIntoAnEmptyStoreGivesTheSameServicesAndEntitlements() throws Exception {
        for (String gss : List.of(LIVERPOOL, CARDIFF)) {
            List<Service> before = full.services().stream().filter(x -> gss.equals(x.authorityCode())).toList();
            List<Entitlement> entitlements = full.entitlements(gss);
            assertTrue(before.size() > 10 && entitlements.size() > 6, gss + " should have a full offer to round-trip");
            Path services = dir.resolve(gss + "-services.csv"), ents = dir.resolve(gss + "-entitlements.csv");
            try (var w = Files.newBufferedWriter(services)) { OfferCsvWriter.services(before, w); }
            try (var w = Files.newBufferedWriter(ents)) { OfferCsvWriter.entitlements(entitlements, w); }
            try (Store empty = referenceOnly()) {
                ImportReport r = new Importer(empty).importFiles(List.of(services, ents), "la-export", Importer.vocabulary(DataFiles.embedded()), false);
                assertFalse(r.hasErrors(), r.render());
                assertEquals(servicesOf(full, gss), servicesOf(empty, gss));
                assertEquals(entitlements.stream().map(ExportRoundTripTest::content).sorted(Comparator.comparing(Entitlement::id)).toList(),
                        empty.entitlements(gss).stream().map(ExportRoundTripTest::content).sorted(Comparator.comparing(Entitlement::id)).toList());
            }
            Files.delete(dir.resolve("empty.sqlite"));
            Files.deleteIfExists(dir.resolve("empty.sqlite-wal"));
            Files.deleteIfExists(dir.resolve("empty.sqlite-shm"));
        }
    }

    @Test
    void anOrukExportValidatesAgainstTheStandardAndImportsBackToTheSameServices() throws Exception {
        OrukSchemas schemas = OrukSchemas.embedded();
        Oruk oruk = new Oruk(Importer.vocabulary(DataFiles.embedded()), code -> full.authority(code).orElse(null), Weights.DEFAULT.staleMonths(), java.time.Clock.systemDefaultZone());
        List<Object> contents = new ArrayList<>();
        for (Service s : full.services()) if (LIVERPOOL.equals(s.authorityCode())) contents.add(oruk.service(s, "en", true));
        Map<String, Object> page = Map.of("total_items", contents.size(), "total_pages", 1, "page_number", 1, "size", contents.size(),
                "first_page", true, "last_page", true, "empty", contents.isEmpty(), "contents", contents);
        Path file = dir.resolve("liverpool.json");
        RecordJson.MAPPER.writeValue(file.toFile(), page);
        JsonNode json = RecordJson.MAPPER.readTree(file.toFile());
        assertEquals(List.of(), schemas.validate("service_list.json", json));
        for (JsonNode s : json.get("contents")) assertEquals(List.of(), schemas.validate("service.json", s));

        try (Store empty = referenceOnly()) {
            ImportReport r = new Importer(empty).importFiles(List.of(file), "liverpool-feed", Importer.vocabulary(DataFiles.embedded()), schemas, false);
            assertFalse(r.hasErrors(), r.render());
            assertSameRecords(servicesOf(full, LIVERPOOL), servicesOf(empty, LIVERPOOL));
            ImportReport again = new Importer(empty).importFiles(List.of(file), "liverpool-feed", Importer.vocabulary(DataFiles.embedded()), schemas, false);
            assertEquals("0 added, 0 updated, 0 removed, " + contents.size() + " unchanged", again.changes().get("services (liverpool-feed)").toString());
        }
    }

    @Test
    void brokenOrukServicesAreReportedByJsonPathAndNothingIsImported() throws Exception {
        OrukSchemas schemas = OrukSchemas.embedded();
        Path file = dir.resolve("broken.json");
        Files.writeString(file, """
                {"contents": [
                  {"id": "1d5b2f4e-8a77-4f0e-9d0b-5c1a2e3f4a5b", "name": "Fine", "status": "active", "description": "ok",
                   "x_local_offer": {"needs": ["mentoring"]}},
                  {"id": "not-a-uuid", "name": "Bad id", "status": "active", "description": "x", "x_local_offer": {"needs": ["mentoring"]}},
                  {"id": "2d5b2f4e-8a77-4f0e-9d0b-5c1a2e3f4a5b", "status": "active", "description": "no name", "x_local_offer": {"needs": ["mentoring"]}},
                  {"id": "3d5b2f4e-8a77-4f0e-9d0b-5c1a2e3f4a5b", "name": "No needs", "status": "active", "description": "x"},
                  {"id": "4d5b2f4e-8a77-4f0e-9d0b-5c1a2e3f4a5b", "name": "Far away", "status": "active", "description": "x",
                   "x_local_offer": {"needs": ["happiness"]},
                   "service_at_locations": [{"id": "5d5b2f4e-8a77-4f0e-9d0b-5c1a2e3f4a5b", "location": {"id": "6d5b2f4e-8a77-4f0e-9d0b-5c1a2e3f4a5b",
                     "location_type": "physical", "latitude": 40.7, "longitude": -74.0}}]}
                ]}
                """);
        try (Store empty = referenceOnly()) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(ImportFailedException.class, () ->
                    new Importer(empty).importFiles(List.of(file), "feed", Importer.vocabulary(DataFiles.embedded()), schemas, false));
            String report = e.report().render();
            assertTrue(report.contains("$.contents[1].id, field id: must be a UUID"), report);
            assertTrue(report.contains("$.contents[2].name, field name: is required"), report);
            assertTrue(report.contains("$.contents[3].attributes, field needs: no need codes"), report);
            assertTrue(report.contains("unknown need code 'happiness'"), report);
            assertTrue(report.contains("$.contents[4].service_at_locations[0].location, field latitude: the place is not in the United Kingdom"), report);
            assertTrue(report.contains("not valid ORUK 3.0"), "schema problems are reported too: " + report);
            assertEquals(0, empty.stats().services());
        }
    }

    @Test
    void everyKindOfBadValueInAnLaSpreadsheetIsReportedWithItsLineAndField() throws Exception {
        Path file = dir.resolve("la.csv");
        Files.writeString(file, """
                source_id,name,description,authority,needs,age_min,age_max,postcode,lat,lon,website,email,phone,threshold,provenance,source_note
                ok,Drop-in,Weekly drop-in,E08000012,social-connection,16,25,L1 8JQ,53.40,-2.98,https://example.org,team@example.org,0151 000 0000,self_referral,sourced,LA offer
                ages,Ages,x,E08000012,mentoring,25,16,,,,,,,,sourced,LA offer
                postcode,Postcode,x,E08000012,mentoring,,,L1 8J,,,,,,,sourced,LA offer
                place,Place,x,E08000012,mentoring,,,,-2.98,53.40,,,,,sourced,LA offer
                need,Need,x,E08000012,happiness,,,,,,,,,,sourced,LA offer
                contact,Contact,x,E08000012,mentoring,,,,,,www.example,not-an-email,call us,,sourced,LA offer
                threshold,Threshold,x,E08000012,mentoring,,,,,,,,,easy,sourced,LA offer
                gss,Gss,x,E99999999,mentoring,,,,,,,,,,sourced,LA offer
                ok,Duplicate,x,E08000012,mentoring,,,,,,,,,,sourced,LA offer
                blank,,,E08000012,mentoring,,,,,,,,,,,
                """);
        try (Store empty = referenceOnly()) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(ImportFailedException.class, () ->
                    new Importer(empty).importFiles(List.of(file), null, Importer.vocabulary(DataFiles.embedded()), false));
            String r = e.report().render();
            for (String expected : List.of(
                    "line 3, field age_max: age_max 16 is below age_min 25",
                    "line 4, field postcode: 'L1 8J' is not a UK postcode",
                    "line 5, field lat: the place -2.98, 53.4 is not in the United Kingdom",
                    "line 6, field needs: unknown need code 'happiness'",
                    "line 7, field website: 'www.example' is not a web address",
                    "line 7, field email: 'not-an-email' is not an email address",
                    "line 7, field phone: 'call us' is not a phone number",
                    "line 8, field threshold: unknown threshold code 'easy'",
                    "line 9, field authority: unknown authority GSS code 'E99999999'",
                    "line 10, field source_id: 'ok' is already used on line 2",
                    "line 11, field name: is required but blank",
                    "line 11, field source_url: is required: the web page this fact comes from"))
                assertTrue(r.contains(expected), "missing <" + expected + "> in\n" + r);
            assertEquals(0, empty.stats().services());
        }
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndChangesNothing() throws Exception {
        Path file = dir.resolve("offer.csv");
        Files.writeString(file, """
                source_id,name,description,authority,needs,source_url,recorded
                a,Drop-in,Weekly drop-in,E08000012,social-connection,https://liverpool.gov.uk/offer,2026-12-01
                b,Gym pass,Free gym pass,E08000012,physical-health,https://liverpool.gov.uk/offer,2026-12-01
                """);
        try (Store s = referenceOnly()) {
            var vocabulary = Importer.vocabulary(DataFiles.embedded());
            new Importer(s).importFiles(List.of(file), "offer", vocabulary, false);
            Files.writeString(file, """
                    source_id,name,description,authority,needs,source_url,recorded
                    a,Drop-in,Weekly drop-in on Tuesdays,E08000012,social-connection,https://liverpool.gov.uk/offer,2026-12-01
                    c,Bus pass,Help with travel,E08000012,participation,https://liverpool.gov.uk/offer,2026-12-01
                    """);
            ImportReport dry = new Importer(s).importFiles(List.of(file), "offer", vocabulary, true);
            assertEquals("1 added, 1 updated, 1 removed, 0 unchanged", dry.changes().get("services (offer)").toString());
            assertEquals(List.of("Drop-in", "Gym pass"), s.services().stream().map(Service::name).sorted().toList());
            assertEquals("Weekly drop-in", s.services().stream().filter(x -> x.name().equals("Drop-in")).findFirst().orElseThrow().description());
        }
    }
}
