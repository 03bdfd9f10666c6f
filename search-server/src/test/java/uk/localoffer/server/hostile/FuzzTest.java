package uk.localoffer.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.server.ServerTestData;
import uk.localoffer.server.http.ErrorMapper;
import uk.localoffer.store.RecordJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzz suite: at least 5,000 seeded hostile requests ({@link HostileRequests}) over every
 * route of the server's own openapi.json and every page, each over a raw socket to a real
 * server on a random port. Every answer must be an answer: no 5xx, a UTF-8 problem on the API,
 * the HTML error page on a page, the security headers, no script reflected unescaped, no header
 * injected, redirects only to this site's pages; and the server healthy at the end. Bounded to
 * two minutes. Another seed: -Dfuzz.seed=N; more requests: -Dfuzz.requests=N.
 */
class FuzzTest {
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 6_000), MINIMUM = 5_000;
    static final long SEED = Long.getLong("fuzz.seed", 16L), BUDGET_SECONDS = 100;
    static final Pattern SAME_SITE = Pattern.compile("/(?![/\\\\])[^\\s]*");

    @TempDir Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void thousandsOfHostileRequestsGetAnswersNeverA5xx() throws Exception {
        try (ServerTestData.RunningServer server = ServerTestData.startServer(dir)) {
            int port = server.app().port();
            JsonNode openApi = RecordJson.MAPPER.readTree(RawHttp.get(port, "/openapi.json").body());
            HostileRequests gen = new HostileRequests(openApi, server.app().pageRoutes(), ids(port), SEED);
            assertTrue(gen.operations().size() >= server.app().endpoints().size(), "every documented route is fuzzed");

            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger sent = new AtomicInteger(), next = new AtomicInteger(), resets = new AtomicInteger();
            // Everything the server logs while it is fuzzed, to check no request's content reached the log.
            java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
            java.io.PrintStream err = System.err;
            System.setErr(ProfileTraceTest.tee(err, log));
            Map<Integer, AtomicInteger> byStatus = new java.util.concurrent.ConcurrentHashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
            ExecutorService clients = Executors.newFixedThreadPool(2);
            for (int c = 0; c < 2; c++)
                clients.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < REQUESTS && System.nanoTime() < deadline && failures.size() < 20) {
                        HostileRequests.Hostile h = gen.next(i);
                        try {
                            RawHttp.Answer a = RawHttp.send(port, h.bytes());
                            if (a.status() == 0) {
                                // A connection reset before any answer, at the transport level: sent again once, and counted.
                                resets.incrementAndGet();
                                a = RawHttp.send(port, h.bytes());
                            }
                            sent.incrementAndGet();
                            byStatus.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
                            String wrong = check(h, a);
                            if (wrong != null) failures.add("request " + i + " (seed " + SEED + ", " + h.what() + "): " + wrong + "\n  sent: " + show(h.bytes())
                                    + "\n  got: " + a.raw().replace("\r\n", " | ") + " || " + a.body().substring(0, Math.min(300, a.body().length())));
                        } catch (Exception e) {
                            failures.add("request " + i + " (" + h.what() + "): " + e);
                        }
                    }
                    return null;
                });
            clients.shutdown();
            try {
                assertTrue(clients.awaitTermination(BUDGET_SECONDS + 30, TimeUnit.SECONDS));
            } finally {
                System.setErr(err);
            }
            System.out.printf(Locale.ROOT, "fuzz: seed %d, %d hostile requests (%d reset before an answer and sent again), answers by status %s%n",
                    SEED, sent.get(), resets.get(), new java.util.TreeMap<>(byStatus));
            String logged = log.toString(StandardCharsets.UTF_8);
            assertFalse(logged.contains(HostileRequests.MARK) || logged.contains("evil.com"), "a request's content reached the log:\n" + logged);
            assertTrue(failures.isEmpty(), failures.size() + " wrong answers:\n" + String.join("\n", failures));
            assertTrue(sent.get() >= Math.min(MINIMUM, REQUESTS), "only " + sent.get() + " requests in " + BUDGET_SECONDS + " s");

            // Healthy at the end: it answers, and a real match still works.
            RawHttp.Answer health = RawHttp.get(port, "/health");
            assertEquals(200, health.status(), health.body());
            assertEquals(server.directory().services().size(), RecordJson.MAPPER.readTree(health.body()).get("services").asInt());
            RawHttp.Answer match = RawHttp.send(port, RawHttp.request("POST", "/api/v1/match", "{\"age\": 19, \"postcode\": \"L1 8JQ\"}", "Content-Type", "application/json"));
            assertEquals(200, match.status(), match.body());
            assertTrue(RecordJson.MAPPER.readTree(match.body()).get("results").size() > 0);
        }
    }

    /** What is wrong with the answer to {@code h}, or null. */
    static String check(HostileRequests.Hostile h, RawHttp.Answer a) {
        if (a.status() == 0) return "no HTTP answer";
        if (a.status() >= 500) return "a " + a.status();
        for (String header : new String[]{"content-security-policy", "x-content-type-options", "referrer-policy"})
            if (a.header(header) == null) return "no " + header;
        if (!a.header("content-security-policy").contains("frame-ancestors 'none'")) return "framing allowed";
        if (a.headers().containsKey("x-injected") || a.header("set-cookie") != null && !a.header("set-cookie").matches("lang=(en|cy);.*")) return "a header injected";
        String type = a.contentType().replace(" ", "").toLowerCase(Locale.ROOT);
        boolean api = ErrorMapper.isApi(h.path());
        if (a.status() >= 300 && a.status() < 400) {
            String location = a.header("location");
            if (location == null || !SAME_SITE.matcher(location).matches() || location.toLowerCase(Locale.ROOT).contains("evil")) return "redirect to " + location;
            return null;
        }
        if (h.method().equals("HEAD") || a.status() == 204 || a.status() == 304) return null;
        if (a.status() >= 400) {
            if (api) {
                if (!type.equals("application/problem+json;charset=utf-8")) return "an API error that is not a UTF-8 problem: " + type;
                try {
                    JsonNode p = RecordJson.MAPPER.readTree(a.body());
                    if (p.path("status").asInt() != a.status() || p.path("title").asText().isBlank() || p.path("detail").asText().isBlank()) return "an incomplete problem";
                } catch (Exception e) {
                    return "a problem that is not JSON";
                }
            } else if (!type.equals("text/html;charset=utf-8") && !type.equals("application/problem+json;charset=utf-8")) {
                return "a page error that is neither the error page nor a problem: " + type;
            }
        }
        if (type.startsWith("text/html") && (a.body().contains("<" + HostileRequests.MARK)
                || a.body().contains("<svg onload=" + HostileRequests.MARK) || a.body().contains("<script>alert(\"" + HostileRequests.MARK)))
            return "a script reflected unescaped";
        if (!type.contains("charset=utf-8") && (type.startsWith("text/") || type.contains("json"))) return "no charset: " + type;
        return null;
    }

    /** Real ids for path parameters, so requests also reach past the lookup. */
    static Map<String, List<String>> ids(int port) throws Exception {
        Map<String, List<String>> ids = new HashMap<>();
        List<String> services = new ArrayList<>();
        for (JsonNode s : RecordJson.MAPPER.readTree(RawHttp.get(port, "/api/v1/services?per_page=20").body()).get("contents")) services.add(s.get("id").asText());
        ids.put("id", services);
        ids.put("gss", List.of("E08000012", "W06000015", "E10000030"));
        ids.put("postcode", List.of("L1%208JQ", "CF10%201EP", "GU1", "EH1%201YZ"));
        return ids;
    }

    private static String show(byte[] request) {
        String s = new String(request, 0, Math.min(request.length, 400), StandardCharsets.ISO_8859_1);
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0") + (request.length > 400 ? "… (" + request.length + " bytes)" : "");
    }
}
