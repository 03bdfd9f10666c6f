package uk.localoffer.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.localoffer.server.ServerTestData;
import uk.localoffer.store.RecordJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each hostile request the fuzzer of issue 16 found a 5xx, a Jetty HTML page, an open redirect
 * or input taken as something else for, sent again over a raw socket: every one is now an
 * answer of this app (a problem on the API, the error page on a page), never a 5xx.
 */
class HostileInputTest {
    @TempDir static Path dir;
    static ServerTestData.RunningServer server;
    static int port;
    static String organisation;

    @BeforeAll
    static void start() throws Exception {
        server = ServerTestData.startServer(dir);
        port = server.app().port();
        organisation = RecordJson.MAPPER.readTree(RawHttp.get(port, "/api/v1/organizations?per_page=1").body()).get("contents").get(0).get("id").asText();
    }

    @AfterAll
    static void stop() { server.close(); }

    static JsonNode problem(RawHttp.Answer a, int status, String field) throws Exception {
        assertEquals(status, a.status(), a.raw() + "\n" + a.body());
        assertEquals("application/problem+json;charset=utf-8", a.contentType().replace(" ", "").toLowerCase(), a.raw());
        JsonNode p = RecordJson.MAPPER.readTree(a.body());
        assertEquals(status, p.get("status").asInt());
        assertFalse(p.path("title").asText().isBlank());
        assertFalse(p.path("detail").asText().isBlank());
        if (field != null) assertEquals(field, p.path("field").asText(), a.body());
        return p;
    }

    static void errorPage(RawHttp.Answer a, int status, String lang) {
        assertEquals(status, a.status(), a.raw());
        assertEquals("text/html;charset=utf-8", a.contentType().replace(" ", "").toLowerCase(), a.raw());
        assertTrue(a.body().contains("<html lang=\"" + lang + "\""), a.body());
        assertTrue(a.body().contains("href=\"/\""), "a way back to the start");
    }

    // ---- 5xx before ----

    @Test
    void anAcceptLanguageOfOnlyCommasAndSemicolonsIsEnglishNotA500() throws Exception {
        RawHttp.Answer a = RawHttp.get(port, "/api/v1/authorities/E08000012?lang", "Accept-Language", ",,,;;;");
        assertEquals(200, a.status(), a.raw());
        assertEquals("Liverpool", RecordJson.MAPPER.readTree(a.body()).get("name").asText());
        assertEquals(200, RawHttp.get(port, "/authorities/E08000012", "Accept-Language", ";q=;,;cy;;").status());
    }

    @Test
    void aPercentUInThePathIsABadPathNotA500() throws Exception {
        problem(RawHttp.get(port, "/api/v1/services/%u0041"), 400, "path");
        errorPage(RawHttp.get(port, "/authorities/%u0041", "Accept-Language", "cy"), 400, "cy");
    }

    @Test
    void aLowerCaseMethodIsRefusedNotA500() throws Exception {
        problem(RawHttp.send(port, RawHttp.request("get", "/api/v1/services", null)), 400, "method");
        errorPage(RawHttp.send(port, RawHttp.request("get", "/", null)), 400, "en");
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/services?age=abc&age=&age=2, age", "/api/v1/service_at_locations?per_page=2&per_page=abc, per_page",
            "/api/v1/services?lang=en&lang=cy, lang", "/api/v1/match?explain=true&explain=false, explain"})
    void aParameterGivenTwiceIsA400NamingIt(String target, String field) throws Exception {
        String method = target.contains("match") ? "POST" : "GET";
        problem(RawHttp.send(port, RawHttp.request(method, target, method.equals("POST") ? "{\"age\":19,\"postcode\":\"L1\"}" : null,
                "Content-Type", "application/json")), 400, field);
    }

    @Test
    void fullServiceGivenTwiceOnAnOrganizationIsA400AndAListParameterMayRepeat() throws Exception {
        problem(RawHttp.get(port, "/api/v1/organizations/" + organisation + "?full_service=1&full_service=2"), 400, "full_service");
        assertEquals(200, RawHttp.get(port, "/api/v1/organizations/" + organisation + "?full_service=1").status());
        assertEquals(2, RecordJson.MAPPER.readTree(RawHttp.get(port, "/api/v1/authorities/compare?gss=E08000012&gss=W06000015").body())
                .get("authorities").size(), "gss is documented as a list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /health\r\n\r\n", "GET /health HTTP/9.9\r\nHost: x\r\n\r\n"})
    void anHttpVersionThisServerDoesNotSpeakIsA400ProblemNotA505(String request) throws Exception {
        problem(RawHttp.send(port, request), 400, null);
    }

    @Test
    void http2OverPlainHttp1IsAskedToUpgrade() throws Exception {
        problem(RawHttp.send(port, "GET /api/v1/services HTTP/2.0\r\nHost: x\r\n\r\n"), 426, null);
    }

    // ---- Jetty's own errors, as this app's ----

    @Test
    void jettysOwnErrorsOnTheApiAreProblemsNamingTheHeaderOrPart() throws Exception {
        problem(RawHttp.get(port, "/api/v1/services/%zz"), 400, "path");
        problem(RawHttp.get(port, "/api/v1/services/%00"), 400, "path");
        problem(RawHttp.get(port, "/api/v1/services?search=" + "a".repeat(9_000)), 414, "path");
        problem(RawHttp.get(port, "/api/v1/services", "X-Padding", "b".repeat(20_000)), 431, "headers");
        problem(RawHttp.get(port, "/api/v1/services", "X-Padding", "b".repeat(70_000)), 431, "headers");
        problem(RawHttp.send(port, "GET /api/v1/services?search=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414, null);
        problem(RawHttp.send(port, RawHttp.request("POST", "/api/v1/match", null, "Content-Type", "application/json", "Content-Length", "99999999")), 413, "body");
        problem(RawHttp.send(port, RawHttp.request("BREW", "/api/v1/services", null)), 405, null);
        problem(RawHttp.send(port, RawHttp.request("GET", "/api/v1/services", null, "Content-Length", "abc")), 400, "Content-Length");
    }

    @Test
    void jettysOwnErrorsOnAPageAreTheErrorPageInTheChosenLanguage() throws Exception {
        errorPage(RawHttp.get(port, "/authorities/%zz?lang=cy"), 400, "cy");
        errorPage(RawHttp.get(port, "/search?postcode=" + "a".repeat(9_000), "Accept-Language", "cy"), 414, "cy");
        errorPage(RawHttp.get(port, "/search", "X-Padding", "b".repeat(20_000), "Cookie", "lang=cy"), 431, "cy");
        errorPage(RawHttp.send(port, RawHttp.request("BREW", "/compare", null, "Accept-Language", "cy")), 405, "cy");
        errorPage(RawHttp.get(port, "/no/such/page", "Accept-Language", "cy-GB"), 404, "cy");
    }

    @Test
    void everyProblemSaysItIsUtf8() throws Exception {
        for (String target : new String[]{"/api/v1/services?colour=red", "/api/v1/services/00000000-0000-0000-0000-000000000000", "/api/v1/nothing"})
            assertEquals("application/problem+json;charset=utf-8", RawHttp.get(port, target).contentType().replace(" ", "").toLowerCase(), target);
    }

    // ---- redirects ----

    @ParameterizedTest
    @ValueSource(strings = {"/..//evil.com", "/.//evil.com", "//evil.com", "/\\evil.com", "https://evil.com/", "/%2F%2Fevil.com", "/search/..//evil.com",
            "/%09/evil.com", "javascript:alert(1)", "/authorities/..%2f..%2fevil", ""})
    void theLanguageSwitchNeverLeavesThisSite(String back) throws Exception {
        RawHttp.Answer a = RawHttp.get(port, "/language?to=cy&back=" + java.net.URLEncoder.encode(back, StandardCharsets.UTF_8));
        assertEquals(302, a.status(), a.raw());
        assertEquals("/", a.header("Location"), back);
    }

    @Test
    void theLanguageSwitchReturnsToThePageItCameFromRebuiltFromItsRouteAndKnownParameters() throws Exception {
        String back = "/search?postcode=L1+8JQ&age=19&need=housing-advice&evil=%3Cscript%3E&delivery=phone&delivery=online";
        RawHttp.Answer a = RawHttp.get(port, "/language?to=cy&back=" + java.net.URLEncoder.encode(back, StandardCharsets.UTF_8));
        assertEquals("/search?postcode=L1+8JQ&age=19&need=housing-advice&delivery=phone&delivery=online", a.header("Location"));
        assertTrue(a.header("Set-Cookie").startsWith("lang=cy"));
        assertEquals("/authorities/E08000012", RawHttp.get(port, "/language?to=en&back=%2Fauthorities%2FE08000012%3Flang%3Dcy").header("Location"));
    }

    // ---- bodies ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"age\": 4294967314, \"postcode\": \"L1\"} | age",
            "{\"age\": 19, \"postcode\": \"L1\", \"limit\": 4294967301} | limit",
            "{\"age\": 19, \"postcode\": \"L1\", \"limit\": 99999999999999999999999} | limit",
            "{\"age\": 19, \"postcode\": \"L1\", \"max_distance_km\": 1e999} | max_distance_km",
            "{\"age\": 19, \"postcode\": \"L1\"} trailing | body",
            "{\"age\": 19, \"postcode\": \"L1\"}{\"age\": 20} | body",
            "{\"age\": 19, \"age\": 20, \"postcode\": \"L1\"} | age",
            "{\"age\": 19, \"location\": {\"lat\": 53.4, \"lat\": 53.5, \"lon\": -2.9}} | location.lat",
            " | body",
    })
    void aBodyIsReadStrictlyNamingTheField(String body, String field) throws Exception {
        problem(RawHttp.send(port, RawHttp.request("POST", "/api/v1/match", body == null ? "" : body, "Content-Type", "application/json")), 400, field);
    }

    @Test
    void deeplyNestedJsonIsA400() throws Exception {
        String deep = "{\"age\": 19, \"postcode\": \"L1\", \"needs\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        problem(RawHttp.send(port, RawHttp.request("POST", "/api/v1/match", deep, "Content-Type", "application/json")), 400, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=iso-8859-1", ""})
    void onlyJsonBodiesAreRead(String type) throws Exception {
        String body = "{\"age\": 19, \"postcode\": \"L1\"}";
        String request = type.isEmpty() ? RawHttp.request("POST", "/api/v1/match", body) : RawHttp.request("POST", "/api/v1/match", body, "Content-Type", type);
        problem(RawHttp.send(port, request), 415, "Content-Type");
        assertEquals(200, RawHttp.send(port, RawHttp.request("POST", "/api/v1/match", body, "Content-Type", "application/json; charset=UTF-8")).status());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        StringBuilder r = new StringBuilder("POST /api/v1/match HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = " ".repeat(8_192);
        for (int i = 0; i < 10; i++) r.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        r.append("0\r\n\r\n");
        problem(RawHttp.send(port, r.toString()), 413, "body");
        String ok = "{\"age\": 19, \"postcode\": \"L1\"}";
        RawHttp.Answer small = RawHttp.send(port, "POST /api/v1/match HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(ok.length()) + "\r\n" + ok + "\r\n0\r\n\r\n");
        assertEquals(200, small.status(), small.body());
    }

    // ---- headers ----

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (RawHttp.Answer a : new RawHttp.Answer[]{RawHttp.get(port, "/"), RawHttp.get(port, "/api/v1/services"), RawHttp.get(port, "/static/app.css"), RawHttp.get(port, "/shortlist"), RawHttp.get(port, "/compare?shade=council_tax"),
                RawHttp.get(port, "/no/such/page"), RawHttp.get(port, "/api/v1/services/%zz"), RawHttp.send(port, "GET /health HTTP/9.9\r\n\r\n")}) {
            String csp = a.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), a.raw());
            assertEquals("nosniff", a.header("X-Content-Type-Options"), a.raw());
            assertEquals("no-referrer", a.header("Referrer-Policy"), a.raw());
        }
    }

    @Test
    void personalAnswersAreNeverStored() throws Exception {
        String body = "{\"age\": 19, \"postcode\": \"L1 8JQ\"}";
        assertEquals("no-store", RawHttp.send(port, RawHttp.request("POST", "/api/v1/match", body, "Content-Type", "application/json")).header("Cache-Control"));
        assertEquals("no-store", RawHttp.get(port, "/search?postcode=L1+8JQ&age=19").header("Cache-Control"));
        assertEquals("no-store", RawHttp.get(port, "/out-of-area?postcode=L1+8JQ&age=19&home=E09000002").header("Cache-Control"));
        assertEquals("no-store", RawHttp.get(port, "/api/v1/postcodes/L1%208JQ").header("Cache-Control"));
        assertEquals("no-store", RawHttp.get(port, "/shortlist?service=00000000-0000-0000-0000-000000000000&postcode=L1+8JQ&age=19").header("Cache-Control"));
        assertEquals("public, max-age=86400", RawHttp.get(port, "/static/app.css").header("Cache-Control"));
    }
}
