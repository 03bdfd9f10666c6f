package uk.localoffer.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.store.RecordJson;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's CLI, run in-process on a real store file. */
class ImportCommandTest {
    @TempDir Path dir;

    record Result(int code, String out, String err) { }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aMalformedRowIsReportedByLineAndFieldAndTheStoreStaysByteForByteTheSame() throws Exception {
        Path data = dir.resolve("data");
        Result loaded = cli("import", "--data-dir", data.toString());
        assertEquals(0, loaded.code(), loaded.err());
        Path db = data.resolve("directory.sqlite");
        assertFalse(Files.exists(data.resolve("directory.sqlite-wal")) && Files.size(data.resolve("directory.sqlite-wal")) > 0,
                "the store should be fully checkpointed after the command closes it");
        String before = sha256(db);

        Path bad = dir.resolve("sefton-offer.csv");
        Files.writeString(bad, """
                source_id,name,description,authority,needs,age_min,age_max,provenance,source_note
                drop-in,Care leavers drop-in,Weekly drop-in,E08000014,social-connection,16,25,sourced,Sefton local offer 2026
                gym,Free gym pass,Free gym pass for care leavers,E08000014,physical-health,sixteen,25,sourced,Sefton local offer 2026
                """);
        Result failed = cli("import", "--data-dir", data.toString(), bad.toString());
        assertEquals(1, failed.code());
        assertTrue(failed.err().contains("line 3, field age_min: must be a whole number, got 'sixteen'"), failed.err());
        assertTrue(failed.err().contains("nothing was changed"), failed.err());
        assertEquals(before, sha256(db));

        Result stats = cli("stats", "--json", "--data-dir", data.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = RecordJson.MAPPER.readValue(stats.out(), Map.class);
        assertFalse(stats.out().contains("Care leavers drop-in"));
        assertEquals(175, counts.get("authorities"));
    }

    @Test
    void statsPrintsTheCountsAnOperatorChecksAsOneJsonObject() throws Exception {
        Path data = dir.resolve("data");
        Result imported = cli("import", "--data-dir", data.toString());
        assertEquals(0, imported.code(), imported.err());
        assertFalse(imported.out().contains("not loaded"), "everything comes from the program's own data: " + imported.out());
        assertTrue(imported.out().contains("review table wwcsc_la_wellbeing_offers_2022.csv: 150 rows, 149 linked"), imported.out());
        assertTrue(imported.out().contains("boundaries boundaries/ctyua_dec2023_ew.geojson: 175 authorities"), imported.out());
        Result stats = cli("stats", "--json", "--data-dir", data.toString());
        assertEquals(0, stats.code(), stats.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = RecordJson.MAPPER.readValue(stats.out(), Map.class);
        for (String key : new String[]{"authorities", "services", "entitlements", "review_rows", "review_rows_linked",
                "authorities_without_services", "illustrative_records", "sourced_records", "postcodes", "district_councils",
                "authorities_with_offer_url", "authorities_with_team_contact", "authorities_with_council_tax", "sourced_entitlements",
                "sourced_services", "services_with_contact", "facts_with_page_date", "facts_older_than_24_months", "conflicts"})
            assertTrue(counts.containsKey(key), "missing " + key);
        assertEquals(175, counts.get("authorities"));
        assertEquals(175, counts.get("authorities_with_boundary"));
        assertEquals(318, counts.get("district_councils"), "every English and Welsh local authority district");
        assertEquals(164, counts.get("district_councils_with_boundary"), "the districts under a county");
        assertEquals(2_630_686, counts.get("postcodes"), "every Great Britain postcode with a position in the NSPL");
        assertEquals(150, counts.get("review_rows"));
        assertTrue((Integer) counts.get("review_rows_linked") >= 148);
        // The default dataset is sourced facts only (issue 12's targets; docs/data-coverage.md has the detail).
        assertEquals(0, counts.get("illustrative_records"));
        assertTrue((Integer) counts.get("authorities_with_team_contact") >= 120, counts.toString());
        assertTrue((Integer) counts.get("authorities_with_council_tax") >= 140, counts.toString());
        assertTrue((Integer) counts.get("authorities_with_discretionary_entitlement") >= 150, counts.toString());
        assertTrue((Integer) counts.get("local_services_with_contact") >= 300, counts.toString());
        assertTrue((Integer) counts.get("national_services_with_contact") >= 30, counts.toString());
        // Below the target of 140: three passes over the published pages found 135 (see docs/data-coverage.md).
        assertTrue((Integer) counts.get("authorities_with_offer_url") >= 135, counts.toString());
    }

    @Test
    void aGoodFileIsImportedAndImportingItAgainChangesNothing() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, cli("import", "--data-dir", data.toString()).code());
        Path good = dir.resolve("sefton-offer.csv");
        Files.writeString(good, """
                source_id,name,description,authority,needs,age_min,age_max,threshold,source_url,page_date,recorded
                drop-in,Care leavers drop-in,Weekly drop-in,E08000014,social-connection,16,25,self_referral,https://www.sefton.gov.uk/offer,2026-04,2026-12-01
                """);
        Result first = cli("import", "--data-dir", data.toString(), good.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("services (sefton-offer): 1 added"), first.out());
        Result second = cli("import", "--data-dir", data.toString(), good.toString());
        assertTrue(second.out().contains("services (sefton-offer): 0 added, 0 updated, 0 removed, 1 unchanged"), second.out());
    }

    @Test
    void theFilledExampleTemplatesImportAndExportBackToCsv() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, cli("import", "--data-dir", data.toString()).code());
        Path templates = ServerTestData.repo().resolve("import-scripts/templates");
        Result r = cli("import", "--data-dir", data.toString(), templates.resolve("example-services.csv").toString(),
                templates.resolve("example-entitlements.csv").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("services (example-services): 3 added"), r.out());
        assertTrue(r.out().contains("entitlements (example-entitlements): 2 added"), r.out());
        Result header = cli("import", "--dry-run", "--data-dir", data.toString(), templates.resolve("services.csv").toString());
        assertEquals(0, header.code(), "the empty template is a valid file: " + header.err());
        Path out = dir.resolve("export");
        Result exported = cli("export", "--data-dir", data.toString(), "--authority", "E08000012", "--format", "csv", "--out", out.toString());
        assertEquals(0, exported.code(), exported.err());
        String csv = Files.readString(out.resolve("E08000012-services.csv"));
        assertTrue(csv.startsWith("id,source_id,name,"));
        assertTrue(csv.contains("Care leavers' Thursday café"));
        Result oruk = cli("export", "--data-dir", data.toString(), "--authority", "E08000012", "--format", "oruk", "--out", out.toString());
        assertEquals(0, oruk.code(), oruk.err());
        assertTrue(Files.readString(out.resolve("E08000012-services.json")).contains("\"x_local_offer\""));
    }

    @Test
    void unknownCommandsAndOptionsAreRefusedWithUsage() {
        Result r = cli("imprt");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown command 'imprt'"));
        Result o = cli("stats", "--colour", "red");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("unknown option --colour"));
    }
}
