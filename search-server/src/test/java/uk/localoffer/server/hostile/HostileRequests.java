package uk.localoffer.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of hostile HTTP requests over every route of openapi.json and every page:
 * wrong types, out-of-range and huge values, repeats, invalid percent-encoding and UTF-8, NUL
 * bytes, path traversal, deep JSON, wrong content types, large bodies, odd methods and versions,
 * header injection, and a marked script in every parameter. Request {@code i} of a seed is
 * always the same bytes, so a failure names what to send again.
 */
final class HostileRequests {
    /** What a reflected script would carry: an answer holding it unescaped in HTML has echoed input. */
    static final String MARK = "fz-mark";

    /** One request: what it tries, the path it targets (for the kind of answer expected), its method and its bytes. */
    record Hostile(String what, String path, String method, byte[] bytes) { }

    record Param(String name, String in, String type) { }

    record Operation(String method, String path, List<Param> params, JsonNode body) { }

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "CONNECT", "BREW", "get", "pOST",
            "G\u0000ET", "GET GET", "X".repeat(300), ""};
    private static final String[] VERSIONS = {"HTTP/1.1", "HTTP/1.0", "HTTP/0.9", "HTTP/9.9", "HTTP/2.0", "HTTP/1.1x", "HTTP/11", "http/1.1", "", "HTTP/1.1 extra"};
    private static final String[] VALUES = {"", " ", "abc", "-1", "0", "1.5", "1e999", "-1e999", "NaN", "Infinity", "4294967314", "-2147483649",
            "99999999999999999999999999", "0x10", "true", "null", "[]", "{}", "%00", "%zz", "%", "%u0041", "%C0%AF", "%FF%FE", "%E2%82", "%F0%9F%98%80",
            "caf%C3%A9", "..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", "%0d%0aX-Injected:%201", "%0aSet-Cookie:%20fz=1", "%3Cfz-mark%3E",
            "%3Cscript%3Ealert(%22fz-mark%22)%3C%2Fscript%3E", "%22%3E%3Csvg%20onload%3Dfz-mark%3E", "%27%20OR%201%3D1--", "*", "\\", "%5C%5Cevil.com",
            "%2F%2Fevil.com", "http%3A%2F%2Fevil.com", "E08000012", "W06000015", "L1%208JQ", "cy", "en", "fr", "00000000-0000-0000-0000-000000000000"};
    private static final String[] JSON_VALUES = {"0", "-1", "19", "19.5", "4294967314", "-4294967314", "99999999999999999999999", "1e999", "-1e999", "1e-999",
            "\"\"", "\"abc\"", "\"<fz-mark>\"", "\"\\u0000\"", "\"\\ud800\"", "true", "false", "null", "[]", "{}", "[1,2,3]", "{\"a\":1}", "\"" + "x".repeat(5000) + "\"",
            "[\"<script>fz-mark</script>\"]", "\"L1 8JQ\"", "\"E08000012\"", "\"E99999999\""};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=z", "application/json; charset=iso-8859-1", "application/xml", "", "application/json;;;", "\u0000"};

    private final List<Operation> api;
    private final List<String> pages;
    private final Map<String, List<String>> ids;
    private final long seed;

    /** {@code openApi}: the server's openapi.json; {@code pages}: its page routes; {@code ids}: real values for path parameters by name. */
    HostileRequests(JsonNode openApi, List<String> pages, Map<String, List<String>> ids, long seed) {
        this.api = operations(openApi);
        this.pages = pages;
        this.ids = ids;
        this.seed = seed;
    }

    List<Operation> operations() { return api; }

    static List<Operation> operations(JsonNode doc) {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                List<Param> params = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters"))
                    params.add(new Param(p.path("name").asText(), p.path("in").asText(), p.path("schema").path("type").asText("string")));
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                out.add(new Operation(op.getKey().toUpperCase(), path.getKey(), params, resolve(doc, body)));
            }
        }
        return out;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        if (schema == null || schema.isMissingNode()) return null;
        if (schema.has("$ref")) return doc.at(schema.get("$ref").asText().substring(1));
        return schema;
    }

    /** Request {@code i} of this seed. */
    Hostile next(int i) {
        Random r = new Random(seed * 1_000_003L + i);
        boolean onApi = r.nextInt(3) > 0;
        return onApi ? apiRequest(r, api.get(r.nextInt(api.size()))) : pageRequest(r, pages.get(r.nextInt(pages.size())));
    }

    private Hostile apiRequest(Random r, Operation op) {
        String path = fillPath(r, op.path(), r.nextInt(4) == 0);
        StringBuilder query = new StringBuilder();
        List<Param> queryParams = op.params().stream().filter(p -> p.in().equals("query")).toList();
        int kind = r.nextInt(10);
        for (Param p : queryParams) {
            if (r.nextInt(3) == 0) continue;
            String v = kind < 4 && r.nextInt(3) == 0 ? pick(r, VALUES) : plausible(r, p);
            append(query, p.name(), v);
            if (kind == 4 && r.nextBoolean()) append(query, p.name(), pick(r, VALUES)); // the parameter again
        }
        if (kind == 5) append(query, pick(r, VALUES), pick(r, VALUES)); // an unknown or broken name
        if (kind == 6 && !queryParams.isEmpty()) append(query, queryParams.get(r.nextInt(queryParams.size())).name(), "x".repeat(r.nextInt(10_000)));
        String target = path + (query.isEmpty() ? "" : "?" + query);
        String method = op.method();
        String what = op.method() + " " + op.path() + " kind " + kind;
        if (op.body() != null || r.nextInt(8) == 0) {
            return withBody(r, what, path, method, target, op.body());
        }
        return plain(r, what, path, method, target);
    }

    private Hostile pageRequest(Random r, String route) {
        String path = fillPath(r, route, r.nextInt(4) == 0);
        StringBuilder query = new StringBuilder();
        String[] names = {"postcode", "age", "need", "language", "delivery", "home", "page", "gss", "to", "back", "lang", "service"};
        for (String n : names) if (r.nextInt(3) == 0) append(query, n, r.nextBoolean() ? pick(r, VALUES) : plausiblePage(r, n));
        if (r.nextInt(5) == 0) append(query, "delivery", pick(r, VALUES));
        if (route.equals("/language") && r.nextBoolean()) append(query, "back", pick(r, new String[]{"%2F..%2F%2Fevil.com", "%2F.%2F%2Fevil.com", "%2F%2Fevil.com",
                "%2F%5Cevil.com", "https%3A%2F%2Fevil.com", "%2Fsearch%3Fpostcode%3D%3Cfz-mark%3E", "%2F%0d%0aX-Injected:1", "%2Fauthorities%2F%3Cfz-mark%3E"}));
        String target = path + (query.isEmpty() ? "" : "?" + query);
        return r.nextInt(10) == 0 ? withBody(r, "page " + route + " with a body", path, "POST", target, null) : plain(r, "page " + route, path, "GET", target);
    }

    /** A request with no body: the method, version, path or headers may be odd. */
    private Hostile plain(Random r, String what, String path, String method, String target) {
        int odd = r.nextInt(12);
        String version = "HTTP/1.1";
        List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1", "Connection: close"));
        switch (odd) {
            case 0 -> method = pick(r, METHODS);
            case 1 -> version = pick(r, VERSIONS);
            case 2 -> target = pick(r, new String[]{"/api/v1/../../etc/passwd", "/static/..%2f..%2fopenapi.json", "/static/%2e%2e/%2e%2e/etc/passwd", "//api/v1/services",
                    "/api/v1/services/", "/API/V1/SERVICES", "/webjars/../../../etc/passwd", "/assets/..%5c..%5cwindows", "*", "http://evil.com/", "/%00", "/a\u0000b",
                    "/" + "a/".repeat(3000), "/api/v1/services;jsessionid=1", "/api/v1/services%3Fx=1", "/.%2e/.%2e/", "/%C0%AE%C0%AE/"}) + (r.nextBoolean() ? "" : target);
            case 3 -> headers.add("Accept-Language: " + pick(r, new String[]{",,,;;;", "cy;q=abc", ";;", "*", "x".repeat(9000), "cy-GB,cy;q=0.9", "\u00ff\u00fe", "en;q=1.0.0"}));
            case 4 -> headers.add("Cookie: " + pick(r, new String[]{"lang=<fz-mark>", "lang=cy", "lang=\"cy\"", "lang", ";;;", "=;=", "lang=" + "c".repeat(5000), "a=b; lang=%zz"}));
            case 5 -> headers.add("X-Fz: " + "h".repeat(r.nextBoolean() ? 20_000 : 80_000));
            case 6 -> { for (int k = 0; k < 300; k++) headers.add("X-Fz-" + k + ": " + k); }
            case 7 -> headers.add(pick(r, new String[]{"Host: 127.0.0.1", "Bad header line", "X-Fz: a\u0000b", "X-Fz:\r\n folded", ": empty name", "Content-Length: -1",
                    "Content-Length: 1, 2", "Transfer-Encoding: gzip, chunked", "Transfer-Encoding: bogus", "Expect: 200-ok", "Upgrade: h2c", "X-Fz: \u00e9\u00e8"}));
            case 8 -> headers.remove("Host: 127.0.0.1");
            case 9 -> headers.add("X-Injected-Test: fz\r\nX-Injected: 1");
            default -> { }
        }
        if (odd == 2) path = pathOf(target);
        String line = version.isEmpty() ? method + " " + target : method + " " + target + " " + version;
        StringBuilder b = new StringBuilder(line).append("\r\n");
        for (String h : headers) b.append(h).append("\r\n");
        b.append("\r\n");
        return new Hostile(what + " odd " + odd, path, method, b.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A request with a body: JSON that is wrong in some way, or not JSON, or too large, sent whole or in chunks. */
    private Hostile withBody(Random r, String what, String path, String method, String target, JsonNode schema) {
        byte[] body = body(r, schema);
        String type = r.nextInt(4) == 0 ? pick(r, CONTENT_TYPES) : "application/json";
        boolean chunked = r.nextInt(4) == 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (!type.isEmpty()) head.append("Content-Type: ").append(type).append("\r\n");
        if (r.nextInt(6) == 0) head.append("Authorization: Bearer ").append(pick(r, new String[]{"x", "", "<fz-mark>", "a".repeat(5000)})).append("\r\n");
        head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n").append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (chunked) {
            for (int at = 0; at < body.length; at += 4096) {
                int n = Math.min(4096, body.length - at);
                out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, at, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
            out.writeBytes(body);
        }
        return new Hostile(what + " body " + type + (chunked ? " chunked" : ""), path, method, out.toByteArray());
    }

    private byte[] body(Random r, JsonNode schema) {
        int kind = r.nextInt(12);
        List<String> fields = new ArrayList<>();
        if (schema != null) schema.path("properties").fieldNames().forEachRemaining(fields::add);
        if (fields.isEmpty()) fields = List.of("age", "postcode", "name", "id");
        StringBuilder b = new StringBuilder("{");
        for (String f : fields) {
            if (r.nextInt(3) == 0) continue;
            if (b.length() > 1) b.append(',');
            b.append('"').append(f).append("\":").append(kind < 5 && r.nextInt(3) == 0 ? pick(r, JSON_VALUES) : plausibleJson(f));
        }
        String json = b.append('}').toString();
        return switch (kind) {
            case 5 -> ("{\"age\":19,\"age\":20,\"postcode\":\"L1\"}").getBytes(StandardCharsets.UTF_8);
            case 6 -> (json + pick(r, new String[]{" trailing", "{}", "]", "\u0000", "// c"})).getBytes(StandardCharsets.UTF_8);
            case 7 -> ("{\"age\":19,\"postcode\":\"L1\",\"needs\":" + "[".repeat(r.nextInt(20_000)) + "]".repeat(r.nextInt(20_000)) + "}").getBytes(StandardCharsets.UTF_8);
            case 8 -> ("{\"age\":19,\"postcode\":\"L1\",\"text\":\"" + "x".repeat(60_000 + r.nextInt(20_000)) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 9 -> new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, (byte) 0xFF, '"', '}'};
            case 10 -> pick(r, new String[]{"", "null", "[]", "\"text\"", "not json", "{", "{\"age\":}", "{'age':19}", "{\"age\":19,}", "\u0000\u0000"}).getBytes(StandardCharsets.UTF_8);
            default -> json.getBytes(StandardCharsets.UTF_8);
        };
    }

    private String fillPath(Random r, String template, boolean hostile) {
        StringBuilder out = new StringBuilder();
        for (String seg : template.split("/", -1)) {
            if (out.length() > 0 || template.startsWith("/")) out.append(out.isEmpty() && seg.isEmpty() ? "" : "/");
            if (seg.startsWith("{") && seg.endsWith("}")) {
                List<String> real = ids.getOrDefault(seg.substring(1, seg.length() - 1), List.of());
                out.append(hostile || real.isEmpty() ? pick(r, VALUES) : real.get(r.nextInt(real.size())));
            } else {
                out.append(seg);
            }
        }
        String p = out.toString();
        return p.startsWith("/") ? p : "/" + p;
    }

    private static String plausible(Random r, Param p) {
        return switch (p.type()) {
            case "integer" -> Integer.toString(r.nextInt(120) - 5);
            case "number" -> Double.toString(r.nextDouble() * 100 - 10);
            case "boolean" -> r.nextBoolean() ? "true" : "false";
            default -> p.name().equals("lang") ? "cy" : enc("<" + MARK + " " + p.name() + ">");
        };
    }

    private static String plausiblePage(Random r, String name) {
        return switch (name) {
            case "postcode" -> "L1+8JQ";
            case "age" -> Integer.toString(14 + r.nextInt(14));
            case "home", "gss" -> r.nextBoolean() ? "E08000012" : "W06000015";
            case "to" -> r.nextBoolean() ? "cy" : "en";
            case "back" -> "%2Fsearch%3Fpostcode%3DL1%2B8JQ%26age%3D19";
            default -> enc("<" + MARK + ">\"'");
        };
    }

    private static String plausibleJson(String field) {
        return switch (field) {
            case "age" -> "19";
            case "postcode" -> "\"L1 8JQ\"";
            case "limit" -> "5";
            case "needs" -> "[\"housing-advice\"]";
            default -> "\"<" + MARK + ">\"";
        };
    }

    private static void append(StringBuilder q, String name, String value) {
        if (!q.isEmpty()) q.append('&');
        q.append(name).append('=').append(value);
    }

    /** The path a server reads from a request target (origin form, or absolute form with its scheme and host). */
    static String pathOf(String target) {
        String t = target.startsWith("http://") ? target.substring(target.indexOf('/', 7) < 0 ? target.length() : target.indexOf('/', 7)) : target;
        int q = t.indexOf('?');
        return q < 0 ? t : t.substring(0, q);
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static String pick(Random r, String[] from) { return from[r.nextInt(from.length)]; }
}
