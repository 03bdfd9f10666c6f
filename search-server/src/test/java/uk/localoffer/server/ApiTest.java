package uk.localoffer.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.localoffer.directory.Directory;
import uk.localoffer.server.web.DirectoryApp;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API on a real server, on a random port, over the default dataset with boundaries. */
class ApiTest {
    static Store store;
    @org.junit.jupiter.api.io.TempDir static Path dir;
    static Directory directory;
    static DirectoryApp app;
    static final HttpClient http = HttpClient.newHttpClient();
    static ServerTestData.RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerTestData.startServer(dir);
        store = server.store();
        directory = server.directory();
        app = server.app();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Response(int status, String contentType, JsonNode json, HttpResponse<String> raw) { }

    static Response get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        Response r = send(b.build());
        if (r.status() == 200) validateOrukShapes(path, r.json());
        return r;
    }

    /** Every /api/v1/, /services and /services/{id} answer in this suite is checked against the ORUK 3.0 schemas. */
    static void validateOrukShapes(String path, JsonNode json) {
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (route.equals("/api/v1/")) {
            assertValid("api_details.json", json);
        } else if (route.equals("/api/v1/services")) {
            assertValid("service_list.json", json);
            for (JsonNode s : json.get("contents")) assertValid("service.json", s);
        } else if (route.startsWith("/api/v1/services/")) {
            assertValid("service.json", json);
        }
    }

    static Response post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Response send(HttpRequest req) throws Exception {
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try { json = RecordJson.MAPPER.readTree(r.body()); } catch (Exception ignored) { }
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json, r);
    }

    static final uk.localoffer.oruk.OrukSchemas SCHEMAS = uk.localoffer.oruk.OrukSchemas.embedded();

    static void assertValid(String schema, JsonNode json) {
        var errors = SCHEMAS.validate(schema, json);
        assertTrue(errors.isEmpty(), schema + ": " + errors);
    }

    static void assertProblem(Response r, int status, String field) {
        assertEquals(status, r.status(), r.raw().body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(status, r.json().get("status").asInt());
        if (field != null) assertEquals(field, r.json().path("field").asText(), r.raw().body());
        assertFalse(r.json().path("detail").asText().isBlank());
    }

    static final com.networknt.schema.JsonSchemaFactory OPENAPI_SCHEMAS = com.networknt.schema.JsonSchemaFactory.getInstance(
            com.networknt.schema.SpecVersion.VersionFlag.V202012);

    /** An answer of our own endpoints against its schema in openapi.json (components/schemas/NAME). */
    static void assertMatchesOpenApi(String component, JsonNode json) {
        var schema = OPENAPI_SCHEMAS.getSchema(com.networknt.schema.SchemaLocation.of("classpath:openapi.json#/components/schemas/" + component));
        var errors = schema.validate(json);
        assertTrue(errors.isEmpty(), component + ": " + errors);
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }

    // ---- health and OpenAPI ----

    @Test
    void healthSaysTheDirectoryIsLoaded() throws Exception {
        Response r = get("/health");
        assertEquals(200, r.status());
        assertEquals("ok", r.json().get("status").asText());
        assertEquals(175, r.json().get("authorities").asInt());
    }

    @Test
    void theOpenApiDocumentParsesAndListsEveryRouteTheServerHas() throws Exception {
        Response r = get("/openapi.json");
        assertEquals(200, r.status());
        assertEquals("3.1.0", r.json().get("openapi").asText());
        Set<String> documented = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.json().get("paths").fields(); it.hasNext(); ) {
            var e = it.next();
            e.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + e.getKey()));
        }
        Set<String> served = new HashSet<>();
        for (var ep : app.endpoints()) served.add(ep);
        assertEquals(served, documented);
    }

    // ---- Open Referral UK ----

    @Test
    void apiDetailsValidate() throws Exception {
        Response r = get("/api/v1/");
        assertEquals(200, r.status());
        assertValid("api_details.json", r.json());
        assertTrue(r.json().get("openapi_url").asText().endsWith("/openapi.json"));
    }

    @Test
    void servicesPagesValidateAndPageThroughTheWholeDirectory() throws Exception {
        Response first = get("/api/v1/services?per_page=100");
        assertEquals(200, first.status());
        assertValid("service_list.json", first.json());
        for (JsonNode s : first.json().get("contents")) assertValid("service.json", s);
        long total = first.json().get("total_items").asLong();
        assertEquals(directory.services().size(), total);
        assertEquals(100, first.json().get("size").asInt());
        assertTrue(first.json().get("first_page").asBoolean());
        int last = first.json().get("total_pages").asInt();
        Response end = get("/api/v1/services?per_page=100&page=" + last);
        assertTrue(end.json().get("last_page").asBoolean());
        assertEquals(total - 100L * (last - 1), end.json().get("size").asLong());
        Response full = get("/api/v1/services?per_page=5&full=true");
        for (JsonNode s : full.json().get("contents")) {
            assertValid("service.json", s);
            assertTrue(s.has("attributes"));
        }
    }

    @Test
    void aServiceByIdValidatesInFullAndCarriesTheCareLeaverExtension() throws Exception {
        String id = directory.services().values().stream().filter(s -> s.name().startsWith("Talk Liverpool")).findFirst().orElseThrow().id().toString();
        Response r = get("/api/v1/services/" + id);
        assertEquals(200, r.status());
        assertValid("service.json", r.json());
        assertTrue(r.json().get("name").asText().startsWith("Talk Liverpool"));
        assertFalse(r.json().get("x_local_offer").get("illustrative").asBoolean());
        assertEquals("E08000012", r.json().get("x_local_offer").get("authority").asText());
    }

    @Test
    void illustrativeServicesSayTheyAreNotReal() throws Exception {
        var s = directory.services().values().stream().filter(x -> x.provenance().illustrative()).findFirst().orElseThrow();
        Response r = get("/api/v1/services/" + s.id());
        assertValid("service.json", r.json());
        assertTrue(r.json().get("alert").asText().contains("Illustrative"));
        assertTrue(r.json().get("x_local_offer").get("illustrative").asBoolean());
    }

    @Test
    void servicesFilterBySearchTermOrganisationAgeLanguageDeliveryAuthorityAndPlace() throws Exception {
        JsonNode search = get("/api/v1/services?search=" + enc("Talk Liverpool")).json();
        assertTrue(search.get("contents").get(0).get("name").asText().startsWith("Talk Liverpool"), search.toString());

        String needTerm = get("/api/v1/taxonomy_terms?search=mentoring").json().get("contents").get(0).get("id").asText();
        JsonNode byTerm = get("/api/v1/services?per_page=100&taxonomy_term_id=" + needTerm).json();
        assertTrue(byTerm.get("total_items").asInt() > 0);
        for (JsonNode s : byTerm.get("contents")) assertTrue(s.get("x_local_offer").get("needs").toString().contains("mentoring"), s.toString());

        String taxonomy = get("/api/v1/taxonomies?search=circumstance").json().get("contents").get(0).get("id").asText();
        JsonNode byTaxonomy = get("/api/v1/services?per_page=100&taxonomy_id=" + taxonomy).json();
        for (JsonNode s : byTaxonomy.get("contents")) assertTrue(s.get("x_local_offer").get("circumstances").size() > 0);

        JsonNode orgs = get("/api/v1/organizations?search=" + enc("Thrive CIC")).json();
        String orgId = orgs.get("contents").get(0).get("id").asText();
        for (JsonNode o : get("/api/v1/organizations").json().get("contents")) assertValid("organization.json", o);
        assertValid("organization.json", get("/api/v1/organizations/" + orgId).json());
        JsonNode byOrg = get("/api/v1/services?organization_id=" + orgId).json();
        assertEquals("Thrive (Liverpool youth hub)", byOrg.get("contents").get(0).get("name").asText());

        for (JsonNode s : get("/api/v1/services?per_page=100&age=26").json().get("contents"))
            assertTrue(!s.has("maximum_age") || s.get("maximum_age").asInt() >= 26, s.toString());
        for (JsonNode s : get("/api/v1/services?per_page=100&language=cy").json().get("contents"))
            assertTrue(s.get("x_local_offer").get("languages").toString().contains("cy") || !s.get("x_local_offer").get("welsh").asText().equals("none"));
        for (JsonNode s : get("/api/v1/services?per_page=100&delivery=online").json().get("contents"))
            assertTrue(s.get("x_local_offer").get("delivery").toString().contains("online"));
        for (JsonNode s : get("/api/v1/services?per_page=100&authority=E08000012").json().get("contents"))
            assertTrue("E08000012".equals(s.get("x_local_offer").get("authority").asText())
                    || s.get("x_local_offer").get("residence_authorities").toString().contains("E08000012"), s.toString());

        JsonNode near = get("/api/v1/services?lat=53.4084&lon=-2.9916&proximity=8000").json();
        double previous = 0;
        for (JsonNode s : near.get("contents")) {
            double km = s.get("x_distance_km").asDouble();
            assertTrue(km <= 8.0 && km >= previous);
            previous = km;
        }
        assertTrue(near.get("total_items").asInt() > 0);
        JsonNode later = get("/api/v1/services?modified_after=2099-01-01").json();
        assertEquals(0, later.get("total_items").asInt());
        assertTrue(later.get("empty").asBoolean());
    }

    @Test
    void taxonomiesTermsAndServiceAtLocationsValidate() throws Exception {
        JsonNode taxonomies = get("/api/v1/taxonomies").json();
        for (JsonNode t : taxonomies.get("contents")) assertValid("taxonomy.json", t);
        String needTaxonomy = taxonomies.get("contents").get(0).get("id").asText();
        assertValid("taxonomy.json", get("/api/v1/taxonomies/" + needTaxonomy).json());
        JsonNode top = get("/api/v1/taxonomy_terms?top_only=true&taxonomy_id=" + needTaxonomy).json();
        assertEquals(6, top.get("total_items").asInt(), "the six local-offer areas");
        for (JsonNode t : top.get("contents")) assertValid("taxonomy_term.json", t);
        String area = top.get("contents").get(0).get("id").asText();
        JsonNode children = get("/api/v1/taxonomy_terms?parent_id=" + area).json();
        assertTrue(children.get("total_items").asInt() > 0);
        assertValid("taxonomy_term.json", get("/api/v1/taxonomy_terms/" + area).json());

        JsonNode sal = get("/api/v1/service_at_locations?postcode=" + enc("L1 8JQ") + "&proximity=8000&full=true").json();
        assertTrue(sal.get("total_items").asInt() > 0);
        for (JsonNode x : sal.get("contents")) {
            assertValid("service_at_location.json", x);
            assertTrue(x.get("x_distance_km").asDouble() <= 8.0);
        }
        String salId = sal.get("contents").get(0).get("id").asText();
        assertValid("service_at_location.json", get("/api/v1/service_at_locations/" + salId).json());
    }

    @Test
    void welshLabelsComeBackForLangCyOrAcceptLanguage() throws Exception {
        JsonNode en = get("/api/v1/taxonomy_terms?top_only=true").json();
        JsonNode cy = get("/api/v1/taxonomy_terms?top_only=true&lang=cy").json();
        JsonNode cyHeader = get("/api/v1/taxonomy_terms?top_only=true", "Accept-Language", "cy-GB,cy;q=0.9").json();
        assertFalse(en.get("contents").get(0).get("name").asText().equals(cy.get("contents").get(0).get("name").asText()));
        assertEquals(cy, cyHeader);
        assertEquals("Caerdydd", get("/api/v1/authorities/W06000015?lang=cy").json().get("name").asText());
    }

    // ---- matcher ----

    @Test
    void aMatchRanksServicesWithReasonsAndTheHomeOfferForSomeonePlacedOutOfArea() throws Exception {
        Response r = post("/api/v1/match?explain=true", """
                {"age": 19, "postcode": "L20 3AB", "home_authority": "E09000002", "needs": ["emotional-wellbeing"],
                 "languages": ["en"], "status": "former_relevant", "max_distance_km": 20, "urgency": "routine", "limit": 5}
                """);
        assertEquals(200, r.status(), r.raw().body());
        JsonNode m = r.json();
        assertEquals("E09000002", m.get("home_authority").get("code").asText());
        assertEquals("E08000014", m.get("host_authority").get("code").asText());
        assertTrue(m.get("out_of_area").asBoolean());
        assertEquals("boundary", m.get("location").get("host_method").asText());
        assertEquals("postcode", m.get("location").get("source").asText());
        assertEquals(53.44676, m.get("location").get("lat").asDouble(), 1e-9, "the postcode's own position");
        assertTrue(m.get("host_district_council").isNull(), "Sefton is a metropolitan borough: one council");
        assertMatchesOpenApi("MatchResult", m);
        assertEquals(5, m.get("results").size());
        JsonNode top = m.get("results").get(0);
        for (String f : new String[]{"service", "score", "distance_km", "factors", "reasons", "warnings"}) assertTrue(top.has(f), f);
        assertTrue(top.get("factors").has("need"));
        assertTrue(m.get("home_offer").size() > 0);
        for (JsonNode e : m.get("home_offer")) assertTrue(e.get("applies_out_of_area").asBoolean());
        for (JsonNode e : m.get("home_offer")) assertEquals("England", e.get("nation").asText(), "an entitlement carries its nation: " + e);
        assertTrue(m.get("excluded").get("count").asInt() > 0);
        assertTrue(m.get("excluded").get("services").size() > 0);
        assertNotNull(m.get("host_leaving_care_team").get("name"));
        assertEquals("E09000002", m.get("home_leaving_care_team").get("authority").get("code").asText(), "the home team, shown apart");
        double previous = Double.MAX_VALUE;
        for (JsonNode x : m.get("results")) {
            assertTrue(x.get("score").asDouble() <= previous);
            previous = x.get("score").asDouble();
        }
    }

    @Test
    void aMatchCanBeGivenAPointAndWeightedNeeds() throws Exception {
        Response r = post("/api/v1/match", """
                {"age": 17, "location": {"lat": 51.4816, "lon": -3.1791}, "needs": {"emotional-wellbeing": 2, "social-connection": 1},
                 "languages": ["cy"], "english_ok": false, "delivery": ["in_person", "phone"], "circumstances": ["uasc"], "text": "counselling"}
                """);
        assertEquals(200, r.status(), r.raw().body());
        assertEquals("W06000015", r.json().get("host_authority").get("code").asText());
        assertEquals("location", r.json().get("location").get("source").asText());
        assertTrue(r.json().get("results").get(0).get("factors").has("language"));
        assertTrue(r.json().get("results").get(0).get("factors").has("text"));
        assertFalse(r.json().get("excluded").has("services"), "without explain only the count is given");
    }

    @Test
    void aWelshMatchAnswerGivesEachReasonAndWarningAsDataWithItsWordsInWelsh() throws Exception {
        String body = """
                {"age": 19, "postcode": "L8 1ST", "home_authority": "E08000012", "needs": ["emotional-wellbeing"], "limit": 5}
                """;
        JsonNode cy = post("/api/v1/match?lang=cy", body).json(), en = post("/api/v1/match", body).json();
        assertMatchesOpenApi("MatchResult", cy);
        JsonNode need = null;
        for (JsonNode r : cy.get("results").get(0).get("reasons")) if (r.get("code").asText().equals("need")) need = r;
        assertNotNull(need, cy.get("results").get(0).toString());
        assertEquals("emotional-wellbeing", need.get("need").asText());
        assertEquals("Yn helpu gyda: Llesiant emosiynol ac iechyd meddwl", need.get("text").asText());
        for (JsonNode result : cy.get("results"))
            for (String kind : List.of("reasons", "warnings"))
                for (JsonNode said : result.get(kind)) {
                    assertTrue(said.has("code") && said.has("text"), said.toString());
                    for (JsonNode english : en.get("results").get(0).get(kind))
                        if (english.get("code").equals(said.get("code")) && english.size() == 2)
                            assertFalse(english.get("text").equals(said.get("text")), "in Welsh, not English: " + said);
                }
    }

    @Test
    void eachResultSaysWhereWhenInWhichLanguagesAndForWhomTheServiceIsAndWhoPays() throws Exception {
        JsonNode m = post("/api/v1/match", """
                {"age": 19, "postcode": "N12 0QF", "home_authority": "E09000003", "needs": ["social-connection", "mental-health-crisis"], "limit": 100}
                """).json();
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        for (JsonNode r : m.get("results")) byName.put(r.get("service").get("name").asText(), r.get("service"));
        JsonNode samaritans = byName.get("Samaritans");
        assertEquals("[\"England\",\"Wales\"]", samaritans.get("nations").toString());
        assertTrue(samaritans.get("open_24_7").asBoolean() && samaritans.get("out_of_hours").asBoolean());
        assertEquals("[\"en\"]", samaritans.get("languages").toString());
        assertFalse(samaritans.get("interpreter").asBoolean());
        assertEquals(0, samaritans.get("for_circumstances").size());
        assertTrue(samaritans.get("access_cost").isNull(), "free");
        assertTrue(samaritans.has("phones") && samaritans.has("email") && samaritans.has("website") && samaritans.has("authority"));
        JsonNode unitas = byName.get("Unitas Youth Zone");
        assertEquals("E09000003", unitas.get("authority").asText());
        assertEquals("[\"England\"]", unitas.get("nations").toString(), "an authority's service is in its authority's nation");
        assertEquals("[\"disability\"]", unitas.get("for_circumstances").toString());
        assertEquals("young_person", unitas.get("access_cost").get("payer").asText());
        assertTrue(unitas.get("access_cost").get("text").asText().contains("50p a visit"));
        JsonNode unitasResult = null;
        for (JsonNode r : m.get("results")) if (r.get("service").get("name").asText().equals("Unitas Youth Zone")) unitasResult = r;
        assertTrue(unitasResult.get("warnings").toString().contains("\"code\":\"charges\""), "and its warnings say so: " + unitasResult.get("warnings"));
    }

    @Test
    void whenEnglishIsNotUsableTheAnswerCountsWhatIsInEnglishOnly() throws Exception {
        JsonNode m = post("/api/v1/match", """
                {"age": 16, "postcode": "M13 9BE", "home_authority": "E08000003", "needs": ["emotional-wellbeing"],
                 "circumstances": ["uasc"], "languages": ["ps"], "english_ok": false, "limit": 50}
                """).json();
        assertMatchesOpenApi("MatchResult", m);
        int count = m.get("in_english_only").get("count").asInt();
        assertTrue(count > 0, m.toString());
        assertEquals(count + " more in English only", m.get("in_english_only").get("text").asText());
        for (JsonNode r : m.get("results"))
            assertTrue(r.get("service").get("interpreter").asBoolean() || r.get("service").get("languages").toString().contains("\"ps\""), r.toString());
        assertTrue(post("/api/v1/match", """
                {"age": 16, "postcode": "M13 9BE", "needs": ["emotional-wellbeing"], "languages": ["ps"], "english_ok": true}
                """).json().get("in_english_only").isNull(), "only when English is not usable");
    }

    // ---- authorities and postcodes ----

    @Test
    void authoritiesListDetailAndCompare() throws Exception {
        JsonNode all = get("/api/v1/authorities").json();
        assertEquals(175, all.get("count").asInt());
        assertEquals(22, get("/api/v1/authorities?nation=Wales").json().get("count").asInt());
        assertEquals(33, get("/api/v1/authorities?region=London").json().get("count").asInt());
        assertEquals("Stockport", get("/api/v1/authorities?search=stockp").json().get("authorities").get(0).get("name").asText());
        JsonNode liverpool = get("/api/v1/authorities/E08000012").json();
        assertEquals("Liverpool", liverpool.get("name").asText());
        assertEquals(6, liverpool.get("entitlements").size());
        assertTrue(liverpool.get("review_2022").size() == 1);
        assertTrue(liverpool.get("review_2022").get(0).get("flags").has("mentoring"));
        assertTrue(liverpool.get("service_counts_by_need").size() > 0);
        assertNotNull(liverpool.get("leaving_care_team").get("name"));
        JsonNode cmp = get("/api/v1/authorities/compare?gss=E08000012&gss=W06000015").json();
        assertEquals(2, cmp.get("authorities").size());
        assertEquals(0, get("/api/v1/authorities/W06000015").json().get("review_2022").size(), "Wales was not in the English review");
    }

    @Test
    void aFullPostcodeIsPlacedAtItsOwnPositionWithItsAuthority() throws Exception {
        JsonNode p = get("/api/v1/postcodes/" + enc("l1 8jq")).json();
        assertEquals("L1 8JQ", p.get("postcode").asText());
        assertEquals("L1", p.get("outcode").asText());
        assertEquals("postcode", p.get("precision").asText());
        assertEquals(53.40456, p.get("lat").asDouble(), 1e-9);
        assertEquals(-2.98715, p.get("lon").asDouble(), 1e-9);
        assertEquals("England", p.get("nation").asText());
        assertTrue(p.get("in_england_or_wales").asBoolean());
        assertEquals("E08000012", p.get("authority").get("code").asText());
        assertEquals("boundary", p.get("authority_method").asText());
        assertTrue(p.get("district_council").isNull(), "Liverpool is one council for both tiers");
        assertMatchesOpenApi("PostcodeAnswer", p);
    }

    @Test
    void anOutcodeStillWorksAtDistrictPrecision() throws Exception {
        JsonNode p = get("/api/v1/postcodes/L1").json();
        assertEquals("postcode_district", p.get("precision").asText());
        assertEquals("E08000012", p.get("authority").get("code").asText());
        assertTrue(Math.abs(p.get("lat").asDouble() - 53.40) < 0.05);
        assertMatchesOpenApi("PostcodeAnswer", p);
    }

    @Test
    void inATwoTierCountyThePostcodeAlsoNamesItsDistrictCouncil() throws Exception {
        JsonNode p = get("/api/v1/postcodes/" + enc("GU1 1AA")).json();
        assertEquals("E10000030", p.get("authority").get("code").asText());
        assertEquals("Surrey", p.get("authority").get("name").asText());
        assertEquals("E07000209", p.get("district_council").get("code").asText());
        assertEquals("Guildford Borough Council", p.get("district_council").get("official_name").asText());
        assertMatchesOpenApi("PostcodeAnswer", p);

        Response r = post("/api/v1/match", "{\"age\": 19, \"postcode\": \"GU1 1AA\", \"home_authority\": \"E08000012\", \"needs\": [\"housing-advice\"]}");
        assertEquals(200, r.status(), r.raw().body());
        assertEquals("E10000030", r.json().get("host_authority").get("code").asText());
        assertEquals("Guildford", r.json().get("host_district_council").get("name").asText());
        assertMatchesOpenApi("MatchResult", r.json());
    }

    @Test
    void aScottishPostcodeSaysItIsOutsideEnglandAndWales() throws Exception {
        Response r = get("/api/v1/postcodes/" + enc("EH1 1YZ"));
        assertEquals(200, r.status(), r.raw().body());
        JsonNode p = r.json();
        assertEquals("Scotland", p.get("nation").asText());
        assertFalse(p.get("in_england_or_wales").asBoolean());
        assertTrue(p.get("authority").isNull());
        assertEquals("outside_england_and_wales", p.get("authority_method").asText());
        assertTrue(p.get("note").asText().contains("outside England and Wales"), p.get("note").asText());
        assertMatchesOpenApi("PostcodeAnswer", p);
    }

    @Test
    void anUnknownPostcodeIsAProblemNamingIt() throws Exception {
        Response r = get("/api/v1/postcodes/" + enc("SW1A 9ZZ"));
        assertProblem(r, 404, null);
        assertTrue(r.json().get("detail").asText().contains("SW1A 9ZZ"), r.json().get("detail").asText());
    }

    @Test
    void aYoungPersonInScotlandHasNoHostAuthorityButStillGetsNationalAndRemoteServices() throws Exception {
        Response r = post("/api/v1/match", "{\"age\": 20, \"postcode\": \"EH1 1YZ\", \"home_authority\": \"E08000012\", \"needs\": [\"emotional-wellbeing\"], \"limit\": 50}");
        assertEquals(200, r.status(), r.raw().body());
        assertTrue(r.json().get("host_authority").isNull());
        assertEquals("outside_england_and_wales", r.json().get("location").get("host_method").asText());
        assertTrue(r.json().get("results").size() > 0);
        for (JsonNode x : r.json().get("results")) {
            String name = x.get("service").get("name").asText();
            JsonNode authority = x.get("service").get("authority");
            assertTrue(authority.isNull() || authority.asText().equals("E08000012"),
                    name + " is local to somewhere in England or Wales and not the young person's home authority's own");
        }
        assertTrue(r.json().get("home_offer").size() > 0, "Liverpool's offer still applies in Scotland");
    }

    @Test
    void theLanguageSwitchSetsOnlyTheLanguageCookieAndNeverRedirectsOffTheSite() throws Exception {
        HttpClient noFollow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String back : List.of("//evil.example", "/%5Cevil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)")) {
            HttpResponse<String> r = noFollow.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/language?to=cy&back="
                    + URLEncoder.encode(back, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("/", r.headers().firstValue("Location").orElse(""), back);
        }
        HttpResponse<String> ok = noFollow.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/language?to=cy&back=" + URLEncoder.encode("/authorities/W06000015", StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("/authorities/W06000015", ok.headers().firstValue("Location").orElse(""));
        List<String> cookies = ok.headers().allValues("Set-Cookie");
        assertEquals(1, cookies.size());
        assertTrue(cookies.get(0).startsWith("lang=cy"), cookies.get(0));
    }

    @Test
    void getRequestsAreOpenToOtherOrigins() throws Exception {
        Response r = get("/api/v1/services?per_page=1", "Origin", "https://example.org");
        assertEquals("*", r.raw().headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(r.raw().headers().allValues("Set-Cookie").isEmpty(), "the API sets no cookies");
    }

    /** The number of items a list answer holds in all: ORUK's total_items, the authorities' count. */
    static int total(JsonNode j) {
        if (j.has("total_items")) return j.get("total_items").asInt();
        if (j.has("count")) return j.get("count").asInt();
        return j.has("authorities") ? j.get("authorities").size() : -1;
    }

    static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("contents").forEach(c -> out.add(c.path("id").asText()));
        return out;
    }

    static boolean allItems(JsonNode list, java.util.function.Predicate<JsonNode> p) {
        for (JsonNode c : list.path("contents")) if (!p.test(c)) return false;
        return list.path("contents").size() > 0;
    }

    /**
     * What a documented query parameter does: a sample value, the other parameters it needs (also
     * sent without it), and what the answer with it must show against the answer without it.
     */
    record Effect(String sample, String base, java.util.function.BiPredicate<JsonNode, JsonNode> holds, String says) { }

    static Effect effect(String route, String name, Map<String, String> ids) {
        java.util.function.BiPredicate<JsonNode, JsonNode> fewer = (with, without) -> total(with) >= 0 && total(with) < total(without);
        java.util.function.BiPredicate<JsonNode, JsonNode> same = JsonNode::equals;
        java.util.function.BiPredicate<JsonNode, JsonNode> differs = (with, without) -> !with.equals(without);
        java.util.function.BiPredicate<JsonNode, JsonNode> measured = (with, without) -> allItems(with, c -> c.has("x_distance_km"))
                && !allItems(without, c -> c.has("x_distance_km"));
        boolean services = route.equals("/api/v1/services"), places = route.equals("/api/v1/service_at_locations");
        return switch (name) {
            case "page" -> new Effect("2", "", (with, without) -> with.get("page_number").asInt() == 2
                    && (ids(with).isEmpty() || !ids(without).contains(ids(with).get(0))), "the second page, not the first");
            case "per_page" -> new Effect("5", "", (with, without) -> with.get("size").asInt() == Math.min(5, total(without)), "five a page");
            case "format", "minimal" -> new Effect(name.equals("format") ? "json" : "true", "", same, "the default: the same answer");
            case "search" -> new Effect("counselling", "", fewer, "only what mentions it");
            case "taxonomy_term_id" -> new Effect(ids.get("term"), "", fewer, "only services with that term");
            case "taxonomy_id" -> new Effect(services || places ? ids.get("circumstances") : ids.get("needs"), "", fewer, "only that taxonomy's");
            case "organization_id" -> new Effect(ids.get("org"), "", fewer, "only that organisation's");
            case "modified_after" -> new Effect("2099-01-01", "", (with, without) -> total(with) == 0 && total(without) > 0, "nothing changed since");
            case "full" -> services ? new Effect("true", "", (with, without) -> allItems(with, c -> c.has("attributes"))
                    && !allItems(without, c -> c.has("attributes")), "services in full, with attributes")
                    : places ? new Effect("true", "", (with, without) -> allItems(with, c -> c.has("x_service"))
                    && !allItems(without, c -> c.has("x_service")), "each place with its service")
                    : new Effect("true", "", same, "organizations are always whole");
            case "full_service" -> route.endsWith("{id}") ? new Effect("true", "", (with, without) -> with.has("services") && !without.has("services"),
                    "the organization with its services") : new Effect("true", "", same, "a list names organizations only");
            case "proximity" -> new Effect("20000", services ? "lat=53.4&lon=-2.98" : "postcode=" + enc("L1 8JQ"), (with, without) -> fewer.test(with, without)
                    && allItems(with, c -> c.get("x_distance_km").asDouble() <= 20.0), "only within 20 km");
            case "age" -> new Effect("26", "", fewer, "only services a 26-year-old can use");
            case "lat" -> new Effect("53.4&lon=-2.98", "", measured, "nearest first, with distances");
            case "lon" -> new Effect("-2.98&lat=53.4", "", measured, "nearest first, with distances");
            case "postcode" -> new Effect(enc("L1 8JQ"), "", measured, "nearest first, with distances");
            case "language" -> new Effect("cy", "", fewer, "only services in Welsh");
            case "delivery" -> new Effect("phone", "", fewer, "only services by phone");
            case "authority" -> new Effect("E08000012", "", fewer, "only Liverpool's");
            case "top_only" -> new Effect("true", "", fewer, "only the six areas");
            case "parent_id" -> new Effect(ids.get("area"), "", fewer, "only that area's needs");
            case "nation" -> new Effect("Wales", "", fewer, "only Welsh authorities");
            case "region" -> new Effect("London", "", fewer, "only London's");
            case "gss" -> new Effect("E08000012&gss=W06000015", "", (with, without) -> with.get("authorities").size() == 2
                    && without.path("status").asInt() == 400, "the two authorities compared; none asked for is a problem");
            case "lang" -> switch (route) {
                case "/api/v1/", "/api/v1/organizations", "/api/v1/organizations/{id}", "/api/v1/taxonomies", "/api/v1/taxonomies/{id}" ->
                        new Effect("cy", "", same, "no words to put into Welsh");
                case "/api/v1/services", "/api/v1/service_at_locations" -> new Effect("cy", "authority=W06000015&full=true", differs, "Welsh names");
                case "/api/v1/authorities/compare" -> new Effect("cy", "gss=E08000012&gss=W06000015", differs, "Caerdydd");
                default -> new Effect("cy", "", differs, "Welsh names and labels");
            };
            case "months" -> new Effect("1", "", (with, without) -> with.get("months").asInt() == 1 && without.get("months").asInt() == 12
                    && total(with) >= total(without), "due after one month, not the default twelve: never fewer");
            default -> throw new AssertionError("no effect known for documented parameter " + name + " of " + route);
        };
    }

    @Test
    void everyDocumentedParameterOfEveryGetRouteDoesWhatItSays() throws Exception {
        JsonNode doc = get("/openapi.json").json();
        Map<String, String> ids = new java.util.HashMap<>();
        ids.put("term", get("/api/v1/taxonomy_terms?search=mentoring").json().get("contents").get(0).get("id").asText());
        for (JsonNode t : get("/api/v1/taxonomies").json().get("contents")) ids.put(t.get("name").asText().split(" ")[2].replace("need", "needs")
                .replace("circumstance", "circumstances"), t.get("id").asText());
        ids.put("org", get("/api/v1/organizations?search=" + enc("ADHD Foundation")).json().get("contents").get(0).get("id").asText());
        ids.put("area", get("/api/v1/taxonomy_terms?top_only=true").json().get("contents").get(0).get("id").asText());
        JsonNode welsh = null;
        for (JsonNode s : get("/api/v1/services?authority=W06000015&per_page=100").json().get("contents"))
            if (!s.get("x_local_offer").get("name_cy").isNull()) welsh = s;
        assertNotNull(welsh, "a service with a Welsh name, to see lang=cy work");
        String welshPlace = null;
        for (JsonNode x : get("/api/v1/service_at_locations?authority=W06000015&per_page=100").json().get("contents"))
            if (x.get("service_id").asText().equals(welsh.get("id").asText())) welshPlace = x.get("id").asText();
        assertNotNull(welshPlace, "a place of that service");
        Map<String, String> pathIds = Map.of("/api/v1/services/{id}", welsh.get("id").asText(), "/api/v1/organizations/{id}", ids.get("org"),
                "/api/v1/taxonomies/{id}", ids.get("needs"), "/api/v1/taxonomy_terms/{id}", ids.get("area"), "/api/v1/service_at_locations/{id}", welshPlace,
                "/api/v1/authorities/{gss}", "W06000015", "/api/v1/postcodes/{postcode}", enc("CF10 1EP"), "/api/v1/authorities/{gss}/due", "W06000015");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            var route = it.next();
            JsonNode get = route.getValue().get("get");
            if (get == null) continue;
            String path = pathIds.getOrDefault(route.getKey(), null);
            path = path == null ? route.getKey() : route.getKey().replaceAll("\\{[a-z]+}", path);
            for (JsonNode param : get.path("parameters")) {
                if (!param.get("in").asText().equals("query")) continue;
                String name = param.get("name").asText();
                Effect e = effect(route.getKey(), name, ids);
                String base = path + "?" + e.base();
                Response with = get(base + (e.base().isEmpty() ? "" : "&") + name + "=" + e.sample());
                assertEquals(200, with.status(), name + " on " + route.getKey() + " -> " + with.raw().body());
                Response without = get(base);
                assertTrue(e.holds().test(with.json(), without.json()), name + "=" + e.sample() + " on " + route.getKey() + " should give " + e.says());
                checked++;
            }
        }
        assertTrue(checked > 60, "checked: " + checked);
    }

    // ---- errors ----

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "/api/v1/services?colour=red, 400, colour",
            "/api/v1/services?per_page=101, 400, per_page",
            "/api/v1/services?per_page=0, 400, per_page",
            "/api/v1/services?page=first, 400, page",
            "/api/v1/services?age=old, 400, age",
            "/api/v1/services?lat=95&lon=0, 400, lat",
            "/api/v1/services?lat=53.4, 400, lon",
            "/api/v1/services?format=xml, 400, format",
            "/api/v1/services?taxonomy_term_id=not-a-uuid, 400, taxonomy_term_id",
            "/api/v1/services?taxonomy_term_id=00000000-0000-0000-0000-000000000000, 400, taxonomy_term_id",
            "/api/v1/services?organization_id=00000000-0000-0000-0000-000000000000, 400, organization_id",
            "/api/v1/services?modified_after=yesterday, 400, modified_after",
            "/api/v1/services?language=welsh, 400, language",
            "/api/v1/services?delivery=carrier-pigeon, 400, delivery",
            "/api/v1/services?authority=E99999999, 400, authority",
            "/api/v1/services?full=maybe, 400, full",
            "/api/v1/services?lang=fr, 400, lang",
            "/api/v1/services/not-a-uuid, 400, id",
            "/api/v1/services/00000000-0000-0000-0000-000000000000, 404, ",
            "/api/v1/organizations/00000000-0000-0000-0000-000000000000, 404, ",
            "/api/v1/taxonomies/00000000-0000-0000-0000-000000000000, 404, ",
            "/api/v1/taxonomy_terms/00000000-0000-0000-0000-000000000000, 404, ",
            "/api/v1/service_at_locations/00000000-0000-0000-0000-000000000000, 404, ",
            "/api/v1/service_at_locations?postcode=NOT-A-POSTCODE, 400, postcode",
            "/api/v1/service_at_locations?proximity=1000, 400, proximity",
            "/api/v1/authorities/E99999999, 404, ",
            "/api/v1/authorities?nation=Scotland, 400, nation",
            "/api/v1/authorities/compare?gss=E08000012, 400, gss",
            "/api/v1/authorities/compare?gss=E08000012&gss=E99999999, 400, gss",
            "/api/v1/postcodes/NOT-A-POSTCODE, 400, postcode",
            "/api/v1/postcodes/ZZ99, 404, ",
            "/api/v1/no/such/thing, 404, ",
    })
    void badQueriesGetAProblemNamingTheField(String path, int status, String field) throws Exception {
        assertProblem(get(path), status, field);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "not json at all | body",
            "[1, 2] | body",
            "{\"postcode\": \"L1 8JQ\"} | age",
            "{\"age\": \"nineteen\", \"postcode\": \"L1 8JQ\"} | age",
            "{\"age\": 19.5, \"postcode\": \"L1 8JQ\"} | age",
            "{\"age\": 19} | postcode",
            "{\"age\": 19, \"postcode\": \"NOT A POSTCODE\"} | postcode",
            "{\"age\": 19, \"postcode\": \"ZZ99 9ZZ\"} | postcode",
            "{\"age\": 19, \"location\": {\"lat\": 95, \"lon\": 0}} | location.lat",
            "{\"age\": 19, \"location\": {\"lat\": 40.7, \"lon\": -74.0}} | location",
            "{\"age\": 19, \"location\": {\"lat\": 53.4}} | location.lon",
            "{\"age\": 19, \"postcode\": \"L1\", \"home_authority\": \"E99999999\"} | home_authority",
            "{\"age\": 19, \"postcode\": \"L1\", \"needs\": [\"happiness\"]} | needs",
            "{\"age\": 19, \"postcode\": \"L1\", \"needs\": \"housing\"} | needs",
            "{\"age\": 19, \"postcode\": \"L1\", \"languages\": [\"Pashto\"]} | languages",
            "{\"age\": 19, \"postcode\": \"L1\", \"english_ok\": \"yes\"} | english_ok",
            "{\"age\": 19, \"postcode\": \"L1\", \"status\": \"adopted\"} | status",
            "{\"age\": 19, \"postcode\": \"L1\", \"circumstances\": [\"tall\"]} | circumstances",
            "{\"age\": 19, \"postcode\": \"L1\", \"max_distance_km\": -3} | max_distance_km",
            "{\"age\": 19, \"postcode\": \"L1\", \"delivery\": [\"teleport\"]} | delivery",
            "{\"age\": 19, \"postcode\": \"L1\", \"urgency\": \"yesterday\"} | urgency",
            "{\"age\": 19, \"postcode\": \"L1\", \"limit\": 1000} | limit",
            "{\"age\": 19, \"postcode\": \"L1\", \"favourite_colour\": \"red\"} | favourite_colour",
    })
    void badMatchBodiesGetAProblemNamingTheField(String body, String field) throws Exception {
        assertProblem(post("/api/v1/match", body), 400, field);
    }

    @Test
    void anOversizedBodyIsRefusedNotCrashedOn() throws Exception {
        String huge = "{\"age\": 19, \"postcode\": \"L1\", \"text\": \"" + "x".repeat(200_000) + "\"}";
        // Expect: 100-continue lets the server refuse before the client sends the body.
        Response r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/match")).expectContinue(true)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(huge)).build());
        assertEquals(413, r.status());
    }

    @Test
    void wrongMethodsAreRefusedWithAProblem() throws Exception {
        Response r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/services"))
                .DELETE().build());
        assertTrue(r.status() == 405 || r.status() == 404, String.valueOf(r.status()));
        assertTrue(r.contentType().startsWith("application/problem+json"));
        Response g = get("/api/v1/match");
        assertTrue(g.status() == 405 || g.status() == 404);
    }

    static List<String> list(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }
}
