package uk.localoffer.bench;

import uk.localoffer.domain.Authority;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, bounded load driver over loopback: starts the real server
 * ({@code search-server.jar serve}) over the store ScalePrepare left in WORK/SIZE, with a given
 * heap limit, and times ORUK {@code GET /api/v1/services} searches (one client, then two for
 * throughput). Then it asks the server's JVM for a GC and reads its heap. If the server cannot
 * start or serve within the first heap limit (for example 1 GB), that is recorded and the next
 * limit is tried so the latency can still be measured.
 *
 * <p>Usage: HttpLoad SIZE WORK OUT SERVER_JAR HEAPS(comma-separated, e.g. 1g,6g) MAX_REQUESTS MAX_SECONDS
 */
public final class HttpLoad {
    private static final String[] WORDS = {"counselling", "housing", "mentoring", "money", "drop-in", "college", "employment", "legal",
            "wellbeing", "crisis", "parents", "youth"};

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1], Integer.toString(size)), out = Path.of(args[2]);
        Path jar = Path.of(args[3]);
        String[] heaps = args[4].split(",");
        int maxRequests = Integer.parseInt(args[5]);
        int maxSeconds = Integer.parseInt(args[6]);
        List<Authority> authorities;
        try (Store store = Store.open(dataDir.resolve("directory.sqlite"))) {
            authorities = store.authorities();
        }
        List<String> paths = paths(authorities, 1000);
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (int k = 0; k < heaps.length; k++) {
            // A heap too small can keep the JVM collecting for a long time rather than failing: 10 minutes, 30 for the last try.
            Map<String, Object> a = run(size, dataDir, out, jar, heaps[k], paths, maxRequests, maxSeconds, k == heaps.length - 1 ? 30 : 10);
            attempts.add(a);
            if (Boolean.TRUE.equals(a.get("served"))) break;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("services", size);
        result.put("attempts", attempts);
        Files.createDirectories(out);
        RecordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.resolve("http-" + size + ".json").toFile(), result);
    }

    /** Seeded /api/v1/services searches: a word, often near an authority's centre within 10–30 km, often an age. */
    static List<String> paths(List<Authority> authorities, int n) {
        Random r = new Random(42);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder q = new StringBuilder("/api/v1/services?per_page=10");
            if (r.nextInt(5) < 4) q.append("&search=").append(WORDS[r.nextInt(WORDS.length)]);
            if (r.nextInt(10) < 7) {
                Authority a = authorities.get(r.nextInt(authorities.size()));
                q.append(String.format(Locale.ROOT, "&lat=%.5f&lon=%.5f&proximity=%d", a.centroid().lat(), a.centroid().lon(), 10000 + 5000 * r.nextInt(5)));
            }
            if (r.nextBoolean()) q.append("&age=").append(16 + r.nextInt(10));
            out.add(q.toString());
        }
        return out;
    }

    static Map<String, Object> run(int size, Path dataDir, Path out, Path jar, String heap, List<String> paths, int maxRequests, int maxSeconds,
                                   int startMinutes) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heap_limit", heap);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) { port = s.getLocalPort(); }
        Path log = out.resolve("server-" + size + "-" + heap + ".log");
        Files.createDirectories(out);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED",
                "-jar", jar.toString(), "serve", "--data-dir", dataDir.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process server = pb.start();
        try {
            // Started when it says so (it loads the store and builds the index first).
            while (true) {
                if (!server.isAlive()) {
                    m.put("served", false);
                    m.put("failure", "the server stopped while starting (exit " + server.exitValue() + "): " + tail(log));
                    System.out.printf(Locale.ROOT, "[%d] server with -Xmx%s: did not start: %s%n", size, heap, m.get("failure"));
                    return m;
                }
                if (Files.readString(log).contains("serving ")) break;
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(startMinutes)) {
                    m.put("served", false);
                    m.put("failure", "not started after " + startMinutes + " minutes");
                    System.out.printf(Locale.ROOT, "[%d] server with -Xmx%s: %s%n", size, heap, m.get("failure"));
                    return m;
                }
                Thread.sleep(250);
            }
            m.put("startup_seconds", ScalePrepare.round1((System.nanoTime() - t0) / 1e9));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + port;
            AtomicInteger errors = new AtomicInteger();
            // Warm-up: a tenth of the budget.
            timed(client, base, paths, 0, Math.max(50, maxRequests / 10), maxSeconds / 10.0, errors);
            long[] ns = timed(client, base, paths, 0, maxRequests, maxSeconds, errors);
            Arrays.sort(ns);
            m.put("requests", ns.length);
            m.put("p50_ms", ScalePrepare.round3(pct(ns, 0.50) / 1e6));
            m.put("p99_ms", ScalePrepare.round3(pct(ns, 0.99) / 1e6));
            m.put("max_ms", ScalePrepare.round3(ns.length == 0 ? 0 : ns[ns.length - 1] / 1e6));
            // Two clients for throughput, bounded the same way.
            long w0 = System.nanoTime();
            AtomicInteger done = new AtomicInteger();
            Thread[] clients = new Thread[2];
            for (int c = 0; c < 2; c++) {
                int offset = c * 500;
                clients[c] = new Thread(() -> done.addAndGet(timed(client, base, paths, offset, maxRequests / 2, maxSeconds / 2.0, errors).length));
                clients[c].start();
            }
            for (Thread c : clients) c.join();
            m.put("requests_per_second_two_clients", Math.round(done.get() / ((System.nanoTime() - w0) / 1e9)));
            m.put("errors", errors.get());
            m.put("served", server.isAlive() && errors.get() == 0);
            if (!server.isAlive()) m.put("failure", "the server stopped under load: " + tail(log));
            else m.put("heap_used_after_gc_mb", heapAfterGc(server.pid()));
            System.out.printf(Locale.ROOT, "[%d] server with -Xmx%s: started in %.1f s; GET /api/v1/services p50 %.2f ms, p99 %.2f ms over %d requests; %d req/s with 2 clients; heap after GC %s MB; %d errors%n",
                    size, heap, m.get("startup_seconds"), m.get("p50_ms"), m.get("p99_ms"), ns.length, m.get("requests_per_second_two_clients"),
                    m.get("heap_used_after_gc_mb"), errors.get());
            return m;
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
        }
    }

    /** Sequential requests from {@code offset} until {@code max} or {@code seconds}; the latency of each. */
    static long[] timed(HttpClient client, String base, List<String> paths, int offset, int max, double seconds, AtomicInteger errors) {
        long[] ns = new long[max];
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        while (n < max && System.nanoTime() < end) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + paths.get((offset + n) % paths.size()))).timeout(Duration.ofSeconds(30)).GET().build();
            long t = System.nanoTime();
            try {
                HttpResponse<byte[]> res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                if (res.statusCode() != 200) errors.incrementAndGet();
            } catch (IOException | InterruptedException e) {
                errors.incrementAndGet();
            }
            ns[n++] = System.nanoTime() - t;
        }
        return Arrays.copyOf(ns, n);
    }

    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** jcmd PID GC.run, then the used heap from GC.heap_info, in MB. */
    static Long heapAfterGc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor(120, TimeUnit.SECONDS);
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : null;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
