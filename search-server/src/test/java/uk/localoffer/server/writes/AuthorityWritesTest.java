package uk.localoffer.server.writes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Service;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.server.ServerTestData;
import uk.localoffer.store.Ledger;
import uk.localoffer.store.RecordJson;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.localoffer.server.writes.Http.assertProblem;

/**
 * Issue 17 on a real server on a random port, over the default dataset: keys per authority,
 * writes to services, entitlements and the leaving care team contact, 401 and 403, ETags and 412,
 * history, due for checking, the audit, and the precedence of what an authority wrote over a
 * re-import of the default dataset. Each test writes records of its own.
 */
class AuthorityWritesTest {
    static final String LIVERPOOL = "E08000012", STOCKPORT = "E08000007", SEFTON = "E08000014";
    @TempDir static Path dir;
    static ServerTestData.RunningServer server;
    static Directory directory;
    static Http http;
    static String liverpoolKey, stockportKey, seftonKey;
    /** Liverpool's services when the server started: each test takes its own. */
    static List<Service> liverpoolServices;

    @BeforeAll
    static void start() throws Exception {
        server = ServerTestData.startServer(dir);
        directory = server.directory();
        http = new Http(server.app().port());
        liverpoolKey = Keys.create(dir, LIVERPOOL, "Liverpool web team");
        stockportKey = Keys.create(dir, STOCKPORT, "Stockport web team");
        seftonKey = Keys.create(dir, SEFTON, "Sefton web team");
        liverpoolServices = directory.servicesOf(LIVERPOOL).stream().filter(s -> !s.provenance().illustrative()).toList();
        List<Service> examples = directory.servicesOf(LIVERPOOL).stream().filter(s -> s.provenance().illustrative()).toList();
        liverpoolServices = java.util.stream.Stream.concat(liverpoolServices.stream(), examples.stream()).toList();
        assertTrue(liverpoolServices.size() >= 10, "services to write: " + liverpoolServices.size());
    }

    @AfterAll
    static void stop() { server.close(); }

    static String today() { return LocalDate.now().toString(); }

    /** A Liverpool service as the server started with it (sourced ones first, then examples), the {@code n}th. */
    static Service liverpoolService(int n) { return liverpoolServices.get(n); }

    static String path(Service s) { return "/api/v1/services/" + s.id(); }

    /** The stored row of a service, as the store file holds it: record, source and the run that wrote it. */
    static String storedRow(UUID id) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("directory.sqlite"));
             PreparedStatement ps = c.prepareStatement("SELECT record_json || '|' || source || '|' || import_run FROM service WHERE id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) { return rs.next() ? rs.getString(1) : null; }
        }
    }

    static ObjectNode body(Http.Response r) { return (ObjectNode) r.json().deepCopy(); }

    /** A new Liverpool service in Open Referral UK JSON, with this directory's extension. */
    static String newService(UUID id, String name) {
        return """
                {"id": "%s", "name": "%s", "status": "active", "description": "Weekly mentoring for care leavers in Liverpool, written by the council.",
                 "url": "https://liverpool.gov.uk/care-leavers/mentoring", "phones": [{"number": "0151 233 3000"}],
                 "x_local_offer": {"needs": ["mentoring"], "care_leaver_specific": true, "delivery": ["in_person", "phone"],
                   "source_url": "https://liverpool.gov.uk/care-leavers/mentoring"}}""".formatted(id, name);
    }

    // ---- 1. keys ----

    @Test
    void aKeyIsPrintedOnceListedWithoutItsSecretAndRevokedAtOnce() throws Exception {
        assertTrue(liverpoolKey.matches("lok_[a-z0-9]{16}_[A-Za-z0-9_-]{43}"), liverpoolKey);
        String id = liverpoolKey.substring(4, 20);
        var list = Keys.cli("keys", "list", "--data-dir", dir.toString());
        assertTrue(list.out().contains(id) && list.out().contains("Liverpool web team"), list.out());
        assertFalse(list.out().contains(liverpoolKey.substring(21)), "the list never shows a secret");

        String spare = Keys.create(dir, LIVERPOOL, "to be revoked");
        Service s = liverpoolService(0);
        assertEquals(200, http.post(path(s) + "/verified", spare, null).status());
        var revoked = Keys.cli("keys", "revoke", spare.substring(4, 20), "--data-dir", dir.toString());
        assertEquals(0, revoked.code(), revoked.err());
        assertProblem(http.post(path(s) + "/verified", spare, null), 401, "Authorization");
        assertEquals(1, Keys.cli("keys", "revoke", spare.substring(4, 20), "--data-dir", dir.toString()).code(), "revoked already");
        var wrong = Keys.cli("keys", "create", "--authority", "E99999999", "--name", "x", "--data-dir", dir.toString());
        assertEquals(2, wrong.code(), wrong.err());
    }

    // ---- 2. writes: services ----

    @Test
    void aNewServiceIsServedInSearchOnItsPageAndInMatchWithinThreeSeconds() throws Exception {
        UUID id = UUID.randomUUID();
        Http.Response put = http.put("/api/v1/services/" + id, liverpoolKey, newService(id, "Zephyrine care leavers mentoring"));
        assertEquals(201, put.status(), put.body());
        long answered = System.nanoTime();
        assertEquals("/api/v1/services/" + id, put.header("Location"));
        assertNotNull(put.header("ETag"));
        long servedAfterMs = -1;
        while (System.nanoTime() - answered < 3_000_000_000L) {
            JsonNode found = http.get("/api/v1/services?search=Zephyrine").json();
            if (found.get("total_items").asInt() == 1 && http.get("/services/" + id).status() == 200) {
                servedAfterMs = (System.nanoTime() - answered) / 1_000_000;
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(servedAfterMs >= 0 && servedAfterMs < 3000, "served " + servedAfterMs + " ms after the 200");
        JsonNode match = http.post("/api/v1/match", null, "{\"age\": 19, \"postcode\": \"L1 8JQ\", \"needs\": [\"mentoring\"], \"text\": \"Zephyrine\", \"limit\": 50}",
                "application/json").json();
        assertTrue(match.get("results").findValuesAsText("id").contains(id.toString()), "the new service is matched");
        JsonNode got = http.get("/api/v1/services/" + id).json();
        assertEquals("authority/" + LIVERPOOL, got.get("x_local_offer").get("source").asText());
        assertEquals(LIVERPOOL, got.get("x_local_offer").get("authority").asText(), "the key's authority when the body names none");
    }

    @Test
    void aRejectedWriteLeavesTheRecordByteForByteUnchanged() throws Exception {
        Service s = liverpoolService(1);
        Http.Response before = http.get(path(s));
        String row = storedRow(s.id());
        int history = directory.store().ledger().history("service", s.id().toString()).size();

        ObjectNode bad = body(before);
        ((ObjectNode) bad.get("x_local_offer")).putArray("needs").add("happiness");
        bad.put("name", "A name that must not be stored");
        Http.Response invalid = http.put(path(s), liverpoolKey, bad.toString());
        assertProblem(invalid, 400, "needs");
        assertTrue(invalid.json().get("errors").get(0).get("where").asText().startsWith("$"), invalid.body());

        ObjectNode notJson = body(before);
        assertProblem(http.send("PUT", path(s), liverpoolKey, "{not json", "Content-Type", "application/json"), 400, "body");
        notJson.put("id", UUID.randomUUID().toString());
        assertProblem(http.put(path(s), liverpoolKey, notJson.toString()), 400, "id");
        ObjectNode elsewhere = body(before);
        ((ObjectNode) elsewhere.get("x_local_offer")).put("authority", STOCKPORT);
        assertProblem(http.put(path(s), liverpoolKey, elsewhere.toString()), 403, "authority");
        assertProblem(http.put(path(s), null, bad.toString()), 401, "Authorization");
        assertProblem(http.put(path(s), stockportKey, before.body()), 403, "authority");
        assertProblem(http.put(path(s), liverpoolKey, before.body(), "If-Match", "\"not-its-version\""), 412, "If-Match");

        Http.Response after = http.get(path(s));
        assertEquals(before.body(), after.body());
        assertEquals(before.header("ETag"), after.header("ETag"));
        assertEquals(row, storedRow(s.id()), "the stored row, byte for byte");
        assertEquals(history, directory.store().ledger().history("service", s.id().toString()).size());
    }

    @Test
    void aStaleIfMatchIs412AndTheCurrentETagWrites() throws Exception {
        Service s = liverpoolService(2);
        Http.Response read = http.get(path(s));
        String tag = read.header("ETag");
        assertTrue(tag.matches("\"[A-Za-z0-9_-]+\""), tag);
        assertEquals(304, http.get(path(s), "If-None-Match", tag).status());
        assertEquals(tag, http.get(path(s) + "?lang=cy").header("ETag"), "one version, whatever the language");

        ObjectNode mine = body(read);
        mine.put("description", "First council edit of this record.");
        Http.Response first = http.put(path(s), liverpoolKey, mine.toString(), "If-Match", tag);
        assertEquals(200, first.status(), first.body());
        assertNotEquals(tag, first.header("ETag"));

        ObjectNode theirs = body(read);
        theirs.put("description", "A second edit made from the old version.");
        assertProblem(http.put(path(s), liverpoolKey, theirs.toString(), "If-Match", tag), 412, "If-Match");
        assertProblem(http.delete(path(s), liverpoolKey, "If-Match", tag), 412, "If-Match");
        assertEquals("First council edit of this record.", http.get(path(s)).json().get("description").asText());
        assertEquals(200, http.put(path(s), liverpoolKey, theirs.toString(), "If-Match", first.header("ETag")).status());
        assertProblem(http.put("/api/v1/services/" + UUID.randomUUID(), liverpoolKey, newService(UUID.randomUUID(), "x")), 400, "id");
        UUID fresh = UUID.randomUUID();
        assertProblem(http.put("/api/v1/services/" + fresh, liverpoolKey, newService(fresh, "Only if new"), "If-Match", tag), 412, "If-Match");
        assertEquals(201, http.put("/api/v1/services/" + fresh, liverpoolKey, newService(fresh, "Only if new"), "If-None-Match", "*").status());
        assertProblem(http.put("/api/v1/services/" + fresh, liverpoolKey, newService(fresh, "Only if new"), "If-None-Match", "*"), 412, "If-None-Match");
    }

    @Test
    void historyListsEachChangeWithItsTimeKeyNameAndFieldsBeforeAndAfter() throws Exception {
        Service s = liverpoolService(3);
        ObjectNode edit = body(http.get(path(s)));
        String oldPhone = s.contact().phones().isEmpty() ? null : s.contact().phones().get(0);
        edit.putArray("phones").addObject().put("number", "0151 233 3001");
        ((ObjectNode) edit.get("x_local_offer")).remove("phones");
        assertEquals(200, http.put(path(s), liverpoolKey, edit.toString()).status());
        JsonNode history = http.get(path(s) + "/history").json();
        assertEquals("service", history.get("kind").asText());
        JsonNode first = history.get("changes").get(0), last = history.get("changes").get(history.get("changes").size() - 1);
        assertEquals("added", first.get("change").asText(), "the default dataset's import added it");
        assertTrue(first.get("by").isNull());
        assertEquals("updated", last.get("change").asText());
        assertEquals("Liverpool web team", last.get("by").get("key_name").asText());
        assertEquals(LIVERPOOL, last.get("by").get("authority").asText());
        assertTrue(last.get("at").asText().startsWith(today()), last.get("at").asText());
        JsonNode phone = null;
        for (JsonNode f : last.get("fields")) if (f.get("field").asText().equals("phone")) phone = f;
        assertNotNull(phone, last.toString());
        assertEquals(oldPhone, phone.get("before").isNull() ? null : phone.get("before").asText());
        assertEquals("0151 233 3001", phone.get("after").asText());
        assertProblem(http.get("/api/v1/services/" + UUID.randomUUID() + "/history"), 404, null);
    }

    @Test
    void verifiedSetsLastVerifiedInTheOrukRecordAndOnThePageWithALinkToTheHistory() throws Exception {
        Service s = liverpoolService(4);
        Http.Response v = http.post(path(s) + "/verified", liverpoolKey, null);
        assertEquals(200, v.status(), v.body());
        JsonNode x = http.get(path(s)).json().get("x_local_offer");
        assertEquals(today(), x.get("last_verified").asText());
        assertEquals(LIVERPOOL, x.get("last_verified_by").asText());
        assertEquals(today(), http.get(path(s)).json().get("assured_date").asText());
        String page = http.get("/services/" + s.id()).body();
        String day = LocalDate.now().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        assertTrue(page.contains("Last checked by Liverpool City Council on " + day), page);
        assertTrue(page.contains("href=\"/services/" + s.id() + "/history\""));
        String historyPage = http.get("/services/" + s.id() + "/history").body();
        assertTrue(historyPage.contains("Checked with the provider") && historyPage.contains("Liverpool City Council"), historyPage);
        assertEquals("verified", last(http.get(path(s) + "/history").json()).get("change").asText());
        assertTrue(http.get("/services/" + s.id() + "?lang=cy").body().contains("Gwiriwyd ddiwethaf gan Liverpool City Council"));
        assertProblem(http.post("/api/v1/services/" + UUID.randomUUID() + "/verified", liverpoolKey, null), 404, null);
    }

    @Test
    void aWithdrawnServiceIsGoneFromSearchMatchAndPagesAndKeepsItsHistory() throws Exception {
        UUID id = UUID.randomUUID();
        assertEquals(201, http.put("/api/v1/services/" + id, liverpoolKey, newService(id, "Quillfeather care leavers mentoring")).status());
        String match = "{\"age\": 19, \"postcode\": \"L1 8JQ\", \"needs\": [\"mentoring\"], \"text\": \"Quillfeather\", \"limit\": 50}";
        assertTrue(http.post("/api/v1/match", null, match, "application/json").json().get("results").findValuesAsText("id").contains(id.toString()));
        assertProblem(http.delete("/api/v1/services/" + id, stockportKey), 403, "authority");
        Http.Response gone = http.delete("/api/v1/services/" + id, liverpoolKey);
        assertEquals(204, gone.status(), gone.body());
        assertEquals(0, http.get("/api/v1/services?search=Quillfeather").json().get("total_items").asInt());
        assertFalse(http.post("/api/v1/match", null, match, "application/json").json().get("results").findValuesAsText("id").contains(id.toString()));
        assertProblem(http.get("/api/v1/services/" + id), 404, null);
        assertEquals(404, http.get("/services/" + id).status());
        assertEquals(List.of("added", "withdrawn"), changes(http.get("/api/v1/services/" + id + "/history").json()));
        assertEquals(200, http.get("/services/" + id + "/history").status(), "the history page outlives the record");
        assertProblem(http.delete("/api/v1/services/" + id, liverpoolKey), 404, null);
        String stockports = newService(id, "Taken over").replace("\"x_local_offer\": {", "\"x_local_offer\": {\"authority\": \"" + STOCKPORT + "\", ");
        assertProblem(http.put("/api/v1/services/" + id, stockportKey, stockports), 403, "id");
        Service national = directory.services().values().stream().filter(x -> x.authorityCode() == null).findFirst().orElseThrow();
        assertProblem(http.delete(path(national), liverpoolKey), 403, "authority");
    }

    // ---- 3. 401, 403 and the time a refusal takes ----

    @Test
    void noKeyIs401AndAnotherAuthoritysKeyIs403() throws Exception {
        Service s = liverpoolService(5);
        Http.Response none = http.post(path(s) + "/verified", null, null);
        assertProblem(none, 401, "Authorization");
        assertEquals("Bearer realm=\"local-offer\"", none.header("WWW-Authenticate"));
        Http.Response unknown = http.post(path(s) + "/verified", "lok_" + "a".repeat(16) + "_" + "b".repeat(43), null);
        assertProblem(unknown, 401, "Authorization");
        assertTrue(unknown.header("WWW-Authenticate").contains("invalid_token"));
        assertProblem(http.send("POST", path(s) + "/verified", null, null, "Authorization", "Basic " + liverpoolKey), 401, "Authorization");
        assertProblem(http.post(path(s) + "/verified", stockportKey, null), 403, "authority");
        assertNull(http.get(path(s)).json().get("x_local_offer").get("last_verified_by").textValue(), "neither wrote anything");
    }

    @Test
    void anUnknownKeyIdAndAKnownIdWithAWrongSecretTakeTheSameTime() throws Exception {
        String path = path(liverpoolService(6)) + "/verified";
        String knownId = liverpoolKey.substring(0, 21);
        java.util.Random random = new java.util.Random(17);
        List<Long> unknown = new ArrayList<>(), wrongSecret = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            String secret = randomSecret(random);
            long t0 = System.nanoTime();
            assertEquals(401, http.post(path, "lok_" + randomId(random) + "_" + secret, null).status());
            long t1 = System.nanoTime();
            assertEquals(401, http.post(path, knownId + secret, null).status());
            long t2 = System.nanoTime();
            if (i >= 6) { unknown.add(t1 - t0); wrongSecret.add(t2 - t1); } // the first rounds warm up
        }
        double a = median(unknown) / 1e6, b = median(wrongSecret) / 1e6;
        // Both derive one PBKDF2 hash (tens of ms); skipping it for unknown ids would make them several times faster.
        assertTrue(a > 5 && b > 5, "each refusal derives a hash: " + a + " ms, " + b + " ms");
        assertTrue(Math.abs(a - b) < 0.35 * Math.max(a, b), "unknown id " + a + " ms, known id with a wrong secret " + b + " ms");
    }

    // ---- entitlements and the leaving care team ----

    @Test
    void anEntitlementIsReadWrittenCheckedAndWithdrawnTheSameWay() throws Exception {
        Entitlement e = directory.entitlements(LIVERPOOL).stream().filter(x -> !x.isNational()).findFirst().orElseThrow();
        String path = "/api/v1/entitlements/" + e.id();
        Http.Response read = http.get(path);
        assertEquals(200, read.status(), read.body());
        assertEquals(e.title(), read.json().get("title").asText());
        ObjectNode edit = body(read);
        edit.put("amount", "£3,500");
        edit.put("amount_gbp", 3500);
        edit.put("age_max", "twenty");
        assertProblem(http.put(path, liverpoolKey, edit.toString(), "If-Match", read.header("ETag")), 400, "age_max");
        assertEquals(read.body(), http.get(path).body());
        edit.put("age_max", 25);
        assertProblem(http.put(path, stockportKey, edit.toString()), 403, "authority");
        Http.Response written = http.put(path, liverpoolKey, edit.toString(), "If-Match", read.header("ETag"));
        assertEquals(200, written.status(), written.body());
        assertEquals("£3,500", http.get("/api/v1/authorities/" + LIVERPOOL).json().findValues("amount").stream()
                .map(JsonNode::asText).filter("£3,500"::equals).findFirst().orElse(null));
        assertTrue(fields(last(http.get(path + "/history").json())).contains("amount"));
        assertProblem(http.put(path, liverpoolKey, edit.toString(), "If-Match", read.header("ETag")), 412, "If-Match");
        assertEquals(today(), http.post(path + "/verified", liverpoolKey, null).json().get("last_verified").asText());
        assertEquals(204, http.delete(path, liverpoolKey).status());
        assertProblem(http.get(path), 404, null);
        assertFalse(http.get("/api/v1/authorities/" + LIVERPOOL).body().contains(e.id().toString()));
        assertEquals(List.of("added", "updated", "verified", "withdrawn"), changes(http.get(path + "/history").json()));
        Entitlement national = directory.entitlements(LIVERPOOL).stream().filter(Entitlement::isNational).findFirst().orElseThrow();
        assertProblem(http.post("/api/v1/entitlements/" + national.id() + "/verified", liverpoolKey, null), 403, "authority");
    }

    @Test
    void theLeavingCareTeamContactIsTheAuthoritysOwnOnceItWritesIt() throws Exception {
        String path = "/api/v1/authorities/" + SEFTON + "/leaving-care-team";
        String team = """
                {"name": "Sefton Care Leavers Team", "phones": ["0151 934 4000"], "email": "care.leavers@sefton.gov.uk",
                 "hours": "Monday to Friday 9am to 5pm", "source_url": "https://www.sefton.gov.uk/care-leavers"}""";
        assertProblem(http.put(path, liverpoolKey, team), 403, "authority");
        assertProblem(http.put(path, seftonKey, team.replace("0151 934 4000", "12")), 400, "phones");
        Http.Response put = http.put(path, seftonKey, team);
        assertTrue(put.status() == 200 || put.status() == 201, put.body());
        JsonNode shown = http.get("/api/v1/authorities/" + SEFTON).json().get("leaving_care_team");
        assertEquals("Sefton Care Leavers Team", shown.get("name").asText());
        assertTrue(shown.get("teams_own").asBoolean());
        Http.Response got = http.get(path);
        assertEquals(put.header("ETag"), got.header("ETag"));
        assertEquals("authority/" + SEFTON, got.json().get("source").asText());
        assertEquals(today(), http.post(path + "/verified", seftonKey, null).json().get("last_verified").asText());
        assertProblem(http.post(path + "/verified", seftonKey, null, null, "If-Match", got.header("ETag")), 412, "If-Match");
        assertTrue(changes(http.get(path + "/history").json()).containsAll(List.of("verified")));
        assertEquals(204, http.delete(path, seftonKey).status());
        assertProblem(http.get(path), 404, null);
        JsonNode fallback = http.get("/api/v1/authorities/" + SEFTON).json().get("leaving_care_team");
        assertFalse(fallback.path("route").asText().equals("leaving_care_team"), "withdrawn: a PA is sent another way in, if any: " + fallback);
    }

    // ---- imports ----

    @Test
    void anImportListsWhatItAddsChangesAndWithdrawsAndADryRunChangesNothing() throws Exception {
        JsonNode page = http.get("/api/v1/services?authority=" + STOCKPORT + "&full=true&per_page=100").json();
        ArrayNodeList services = new ArrayNodeList(page.get("contents"));
        services.removeIf(x -> !x.get("x_local_offer").path("authority").asText().equals(STOCKPORT)); // the filter also finds services that serve Stockport
        assertTrue(services.size() >= 3, "Stockport has services to send back: " + services.size());
        String dropped = services.get(0).get("id").asText(), changed = services.get(1).get("id").asText();
        services.remove(0);
        ((ObjectNode) services.get(0)).put("description", "Described again by Stockport's web team.");
        UUID added = UUID.randomUUID();
        services.add(RecordJson.MAPPER.readTree(newService(added, "Stockport test hub").replace("\"x_local_offer\": {", "\"x_local_offer\": {\"authority\": \"" + STOCKPORT + "\", ")));
        String file = services.asJson();
        int before = directory.servicesOf(STOCKPORT).size();
        assertEquals(before, services.size());

        assertProblem(http.post("/api/v1/imports", stockportKey, file, "application/json"), 400, "dry_run");
        assertProblem(http.post("/api/v1/imports?dry_run=true", stockportKey, file, "text/plain"), 415, "Content-Type");
        assertProblem(http.post("/api/v1/imports?dry_run=true", null, file, "application/json"), 401, "Authorization");
        assertProblem(http.post("/api/v1/imports?dry_run=true", liverpoolKey, file, "application/json"), 403, "authority");
        Http.Response dryRun = http.post("/api/v1/imports?dry_run=true", stockportKey, file, "application/json");
        assertEquals(200, dryRun.status(), dryRun.body());
        JsonNode dry = dryRun.json();
        assertTrue(dry.get("dry_run").asBoolean());
        assertEquals(List.of(added.toString()), dry.get("added").findValuesAsText("id"));
        assertEquals(List.of(changed), dry.get("changed").findValuesAsText("id"), dry.get("changed").toString());
        assertTrue(dry.get("changed").get(0).get("fields").toString().contains("description"), dry.toString());
        assertEquals(List.of(dropped), dry.get("withdrawn").findValuesAsText("id"));
        assertEquals(services.size() - 2, dry.get("unchanged").asInt(), dry.toString());
        assertEquals(before, directory.servicesOf(STOCKPORT).size(), "a dry run changes nothing");
        assertEquals(200, http.get("/api/v1/services/" + dropped).status());

        JsonNode done = http.post("/api/v1/imports?dry_run=false", stockportKey, file, "application/json").json();
        assertFalse(done.get("dry_run").asBoolean());
        assertEquals(dry.get("added"), done.get("added"));
        assertEquals(before, directory.servicesOf(STOCKPORT).size(), "one added, one withdrawn");
        assertProblem(http.get("/api/v1/services/" + dropped), 404, null);
        assertEquals("Described again by Stockport's web team.", http.get("/api/v1/services/" + changed).json().get("description").asText());
        JsonNode again = http.post("/api/v1/imports?dry_run=false", stockportKey, file, "application/json").json();
        assertEquals(0, again.get("added").size() + again.get("changed").size() + again.get("withdrawn").size(), again.toString());

        String csv = "source_id,name,description,needs,source_url,recorded\nbad,A row with a bad need,Text,happiness,https://www.stockport.gov.uk/x,2026-01-01\n";
        Http.Response bad = http.post("/api/v1/imports?dry_run=false", stockportKey, csv, "text/csv");
        assertProblem(bad, 400, "needs");
        assertEquals("line 2", bad.json().get("errors").get(0).get("where").asText());
    }

    // ---- precedence over a re-import of the default dataset ----

    @Test
    void aReimportOfTheDefaultDatasetKeepsWhatTheAuthorityWroteAndWithdrew() throws Exception {
        Service edited = liverpoolService(7), withdrawn = liverpoolService(8);
        ObjectNode edit = body(http.get(path(edited)));
        edit.put("description", "Liverpool's own words, which a re-import must keep.");
        assertEquals(200, http.put(path(edited), liverpoolKey, edit.toString()).status());
        assertEquals(204, http.delete(path(withdrawn), liverpoolKey).status());
        String team = "{\"name\": \"Liverpool Leaving Care Service\", \"phones\": [\"0151 233 3700\"], \"source_url\": \"https://liverpool.gov.uk/care-leavers\"}";
        assertTrue(http.put("/api/v1/authorities/" + LIVERPOOL + "/leaving-care-team", liverpoolKey, team).status() / 100 == 2);

        new Importer(server.store()).importDefault(DataFiles.embedded(), Importer.DefaultOptions.everything().withExamples(true));
        directory.reload();

        assertEquals("Liverpool's own words, which a re-import must keep.", http.get(path(edited)).json().get("description").asText());
        assertProblem(http.get(path(withdrawn)), 404, null);
        assertEquals("Liverpool Leaving Care Service", http.get("/api/v1/authorities/" + LIVERPOOL).json().get("leaving_care_team").get("name").asText());
        assertEquals(List.of("added", "updated"), changes(http.get(path(edited) + "/history").json()), "the re-import recorded no change");
    }

    // ---- 6. due for checking ----

    @Test
    void dueForCheckingListsTheAuthoritysUncheckedRecordsOldestFirst() throws Exception {
        JsonNode due = http.get("/api/v1/authorities/" + STOCKPORT + "/due?months=12").json();
        assertEquals(12, due.get("months").asInt());
        assertTrue(due.get("count").asInt() > 0);
        List<String> days = new ArrayList<>();
        for (JsonNode r : due.get("records")) days.add(r.get("last_verified").isNull() ? "" : r.get("last_verified").asText());
        List<String> sorted = new ArrayList<>(days);
        sorted.sort(null);
        assertEquals(sorted, days, "never checked first, then the oldest check");
        JsonNode first = due.get("records").get(0);
        assertEquals(200, http.get(first.get("href").asText()).status());
        int stats = statsDue();
        String checked = first.get("href").asText() + "/verified";
        assertEquals(200, http.post(checked, stockportKey, null).status());
        JsonNode after = http.get("/api/v1/authorities/" + STOCKPORT + "/due?months=12").json();
        assertEquals(due.get("count").asInt() - 1, after.get("count").asInt());
        assertFalse(after.toString().contains(first.get("id").asText()));
        assertEquals(stats - 1, statsDue(), "stats --json counts them");
        assertProblem(http.get("/api/v1/authorities/" + STOCKPORT + "/due?months=0"), 400, "months");
        assertProblem(http.get("/api/v1/authorities/E99999999/due"), 404, null);
    }

    static int statsDue() throws Exception {
        var r = Keys.cli("stats", "--json", "--data-dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        return RecordJson.MAPPER.readTree(r.out()).get("records_due_for_checking").asInt();
    }

    // ---- 7. audit ----

    @Test
    void everyWriteIsAuditedWithKeyTimeAndRecordIdOnly() throws Exception {
        Service s = liverpoolService(9);
        assertEquals(200, http.post(path(s) + "/verified", liverpoolKey, null).status());
        Ledger.AuditRow row = directory.store().ledger().audit(LIVERPOOL, 1).get(0);
        assertEquals(liverpoolKey.substring(4, 20), row.keyId());
        assertEquals("verify", row.action());
        assertEquals(s.id().toString(), row.recordId());
        assertTrue(row.at().toString().startsWith(today()));
        var cli = Keys.cli("audit", "--authority", LIVERPOOL, "--limit", "1", "--data-dir", dir.toString());
        assertTrue(cli.out().contains(s.id().toString()) && cli.out().contains(row.keyId()), cli.out());
        assertFalse(cli.out().contains(s.name()), "ids only, never contents");
    }

    // ---- helpers ----

    static JsonNode last(JsonNode history) { return history.get("changes").get(history.get("changes").size() - 1); }

    static List<String> changes(JsonNode history) { return history.get("changes").findValuesAsText("change"); }

    static List<String> fields(JsonNode change) { return change.get("fields").findValuesAsText("field"); }

    static double median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    @Test
    void aRefusedFileImportIsAnsweredWhileTheToolIsStillSendingTheFile() throws Exception {
        // A 401 written before the file is read used to be lost now and then (the connection reset under the
        // client still sending): about one in twelve of these 300 KB posts got no answer at all.
        String file = "[" + "{}, ".repeat(75_000) + "{}]";
        for (int i = 0; i < 100; i++) {
            assertProblem(http.post("/api/v1/imports?dry_run=true", null, file, "application/json"), 401, "Authorization");
            assertEquals(200, http.get("/health").status());
        }
    }

    static String randomId(java.util.Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) b.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(r.nextInt(36)));
        return b.toString();
    }

    static String randomSecret(java.util.Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 43; i++) b.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(r.nextInt(64)));
        return b.toString();
    }

    /** The items of a JSON array as a list to edit, written back as a JSON array. */
    static final class ArrayNodeList extends ArrayList<JsonNode> {
        ArrayNodeList(JsonNode array) { array.forEach(this::add); }

        String asJson() { return RecordJson.MAPPER.createArrayNode().addAll(this).toString(); }
    }
}
