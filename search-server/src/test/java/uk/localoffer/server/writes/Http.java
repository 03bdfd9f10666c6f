package uk.localoffer.server.writes;

import com.fasterxml.jackson.databind.JsonNode;
import uk.localoffer.store.RecordJson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests to a real server on a loopback port, with the headers a council's tool sends. */
record Http(int port) {
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {
        String header(String name) { return raw.headers().firstValue(name).orElse(null); }
    }

    Response get(String path, String... headers) throws Exception { return send("GET", path, null, null, headers); }

    Response put(String path, String key, String body, String... headers) throws Exception {
        return send("PUT", path, key, body, with(headers, "Content-Type", "application/json"));
    }

    /** A POST with no body, or a JSON one. */
    Response post(String path, String key, String body) throws Exception {
        return post(path, key, body, body == null ? null : "application/json");
    }

    Response post(String path, String key, String body, String contentType, String... headers) throws Exception {
        return send("POST", path, key, body, contentType == null ? headers : with(headers, "Content-Type", contentType));
    }

    Response delete(String path, String key, String... headers) throws Exception { return send("DELETE", path, key, null, headers); }

    Response send(String method, String path, String key, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try { json = RecordJson.MAPPER.readTree(r.body()); } catch (Exception ignored) { }
        return new Response(r.statusCode(), r.body(), json, r);
    }

    private static String[] with(String[] headers, String name, String value) {
        String[] out = java.util.Arrays.copyOf(headers, headers.length + 2);
        out[headers.length] = name;
        out[headers.length + 1] = value;
        return out;
    }

    /** An RFC 9457 problem with this status, naming this field. */
    static void assertProblem(Response r, int status, String field) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        assertEquals(status, r.json().get("status").asInt());
        if (field != null) assertEquals(field, r.json().path("field").asText(), r.body());
        assertFalse(r.json().path("detail").asText().isBlank());
    }
}
