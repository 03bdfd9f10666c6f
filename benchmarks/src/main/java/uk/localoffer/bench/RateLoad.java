package uk.localoffer.bench;

import uk.localoffer.domain.Authority;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load driver over loopback: starts the real server ({@code search-server.jar serve})
 * over a data directory, then for each rate sends requests at fixed moments (one every 1/rate s,
 * whatever the answers take, so a slow answer never lowers the rate) for a given time: a seeded mix
 * of {@code POST /api/v1/match} and ORUK {@code GET /api/v1/services} searches. Each latency is
 * counted from the moment the request was due, not from when it was sent. Per step it records
 * p50/p95/p99/max, errors (any answer but 200, a failure or a timeout), the server's resident
 * memory (VmRSS) before and after, and the machine's load average before, every 10 s, and after.
 *
 * <p>Usage: RateLoad JAR DATA_DIR OUT_JSON RATES(comma-separated req/s, each RATE or RATE:SECONDS) SECONDS [WARMUP_SECONDS]
 * [MATCH_SHARE] (defaults 30 s and 0.5); the warm-up ramps up to the first rate. Steps run in order on one server; once a step's p99 is
 * 100 ms or more, the higher rates are not tried.
 */
public final class RateLoad {
    private static final String[] TEXTS = {"counselling", "money advice", "mentoring", "youth hub"};
    private static final String[] LANGUAGES = {"", "\"cy\"", "\"ps\"", "\"ar\"", "\"ti\""};
    private static final String[] URGENCIES = {"routine", "soon", "crisis"};

    record Req(String path, String body) { }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]), dataDir = Path.of(args[1]), out = Path.of(args[2]);
        String[] plan = args[3].split(",");
        int[] rates = Arrays.stream(plan).mapToInt(r -> Integer.parseInt(r.split(":")[0])).toArray();
        int seconds = Integer.parseInt(args[4]);
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        double matchShare = args.length > 6 ? Double.parseDouble(args[6]) : 0.5;
        List<Authority> authorities;
        try (Store store = Store.open(dataDir.resolve("directory.sqlite"))) {
            authorities = store.authorities();
        }
        List<String> needs = Importer.vocabulary(DataFiles.embedded()).codes("need");
        List<Req> mix = mix(authorities, needs, 2000, matchShare);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("started", Instant.now().toString());
        result.put("machine", machine());
        result.put("seconds_per_step", seconds);
        result.put("match_share", matchShare);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { port = s.getLocalPort(); }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path log = Path.of(out + ".server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "serve",
                "--data-dir", dataDir.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<Map<String, Object>> steps = new ArrayList<>();
        result.put("steps", steps);
        try {
            long t0 = System.nanoTime();
            while (!Files.readString(log).contains("serving ")) {
                if (!server.isAlive() || System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(3)) throw new IllegalStateException("server did not start: " + Files.readString(log));
                Thread.sleep(200);
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            result.put("rss_mb_started", rssMb(server.pid()));
            // A cold server (no JIT yet) sent the full rate at once falls behind and never catches up: warm it up in a
            // ramp, a third of the warm-up each at a quarter, a half and three quarters of the first rate.
            List<Map<String, Object>> ramp = new ArrayList<>();
            for (int q = 1; q <= 3 && warmup > 0; q++) ramp.add(step(client, base, mix, server.pid(), Math.max(1, rates[0] * q / 4), Math.max(1, warmup / 3), "warm-up"));
            result.put("warmup", ramp);
            for (String p : plan) {
                String[] rs = p.split(":");
                Map<String, Object> s = step(client, base, mix, server.pid(), Integer.parseInt(rs[0]), rs.length > 1 ? Integer.parseInt(rs[1]) : seconds, "step");
                steps.add(s);
                write(out, result);
                if (((Number) s.get("p99_ms")).doubleValue() >= 100 || !server.isAlive()) break;
            }
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
            write(out, result);
        }
    }

    /** One rate for a number of seconds: requests due every 1/rate s, each on its own virtual thread. */
    static Map<String, Object> step(HttpClient client, String base, List<Req> mix, long pid, int rate, int seconds, String what) throws Exception {
        int n = rate * seconds;
        long period = 1_000_000_000L / rate;
        long[] latency = new long[n];
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", rate);
        m.put("seconds", seconds);
        m.put("load_before", loadAverage());
        m.put("rss_mb_before", rssMb(pid));
        List<String> loadDuring = new ArrayList<>();
        Phaser inFlight = new Phaser(1);
        long start = System.nanoTime() + 50_000_000L, nextLoad = start + 10_000_000_000L;
        int maxLag = 0;
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            else maxLag = Math.max(maxLag, (int) (-wait / 1_000_000));
            if (System.nanoTime() >= nextLoad) { loadDuring.add(loadAverage()); nextLoad += 10_000_000_000L; }
            Req r = mix.get(i % mix.size());
            int k = i;
            inFlight.register();
            Thread.startVirtualThread(() -> {
                try {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path())).timeout(Duration.ofSeconds(10));
                    if (r.body() == null) b.GET();
                    else b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(r.body()));
                    HttpResponse<byte[]> res = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (res.statusCode() != 200) { errors.incrementAndGet(); errorKinds.merge("HTTP " + res.statusCode(), 1, Integer::sum); }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    errorKinds.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                } finally {
                    latency[k] = System.nanoTime() - due;
                    inFlight.arriveAndDeregister();
                }
            });
        }
        long sent = System.nanoTime();
        inFlight.arriveAndAwaitAdvance();
        double elapsed = (sent - start) / 1e9;
        Arrays.sort(latency);
        m.put("requests", n);
        m.put("sent_per_second", ScalePrepare.round1(n / elapsed));
        m.put("max_send_lag_ms", maxLag);
        m.put("p50_ms", ScalePrepare.round3(HttpLoad.pct(latency, 0.50) / 1e6));
        m.put("p95_ms", ScalePrepare.round3(HttpLoad.pct(latency, 0.95) / 1e6));
        m.put("p99_ms", ScalePrepare.round3(HttpLoad.pct(latency, 0.99) / 1e6));
        m.put("max_ms", ScalePrepare.round3(latency[n - 1] / 1e6));
        m.put("errors", errors.get());
        m.put("error_kinds", new LinkedHashMap<>(errorKinds));
        m.put("load_during", loadDuring);
        m.put("load_after", loadAverage());
        Long before = (Long) m.get("rss_mb_before"), after = rssMb(pid);
        m.put("rss_mb_after", after);
        if (before != null && after != null) m.put("rss_growth_percent", ScalePrepare.round1(100.0 * (after - before) / before));
        System.out.printf(Locale.ROOT, "%s %d req/s for %d s: sent %.1f/s; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms; %d errors %s; RSS %s -> %s MB; load %s | %s | %s%n",
                what, rate, seconds, m.get("sent_per_second"), m.get("p50_ms"), m.get("p95_ms"), m.get("p99_ms"), m.get("max_ms"), errors.get(),
                errorKinds, before, after, m.get("load_before"), String.join(", ", loadDuring), m.get("load_after"));
        return m;
    }

    /** A seeded mix: match profiles (varied like ScaleProfiles) and ORUK searches (HttpLoad's). */
    static List<Req> mix(List<Authority> authorities, List<String> needs, int n, double matchShare) {
        Random r = new Random(42);
        List<String> searches = HttpLoad.paths(authorities, n);
        List<Req> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() >= matchShare) { out.add(new Req(searches.get(i), null)); continue; }
            Authority host = authorities.get(r.nextInt(authorities.size()));
            Authority home = r.nextInt(3) == 0 ? authorities.get(r.nextInt(authorities.size())) : host;
            StringBuilder b = new StringBuilder("{\"age\":").append(16 + r.nextInt(10));
            b.append(String.format(Locale.ROOT, ",\"location\":{\"lat\":%.5f,\"lon\":%.5f}", host.centroid().lat(), host.centroid().lon()));
            b.append(",\"home_authority\":\"").append(home.code()).append('"');
            b.append(",\"needs\":[\"").append(needs.get(r.nextInt(needs.size()))).append('"');
            if (r.nextBoolean()) b.append(",\"").append(needs.get(r.nextInt(needs.size()))).append('"');
            b.append("],\"languages\":[").append(LANGUAGES[r.nextInt(LANGUAGES.length)]).append(']');
            b.append(",\"urgency\":\"").append(URGENCIES[r.nextInt(3)]).append('"');
            if (r.nextInt(4) == 0) b.append(",\"max_distance_km\":15");
            if (r.nextInt(5) == 0) b.append(",\"delivery\":[\"phone\",\"online\"]");
            if (r.nextInt(6) == 0) b.append(",\"circumstances\":[\"substance_use\"]");
            if (r.nextInt(8) == 0) b.append(",\"text\":\"").append(TEXTS[r.nextInt(TEXTS.length)]).append('"');
            out.add(new Req("/api/v1/match", b.append(",\"limit\":10}").toString()));
        }
        return out;
    }

    /** VmRSS of a process, in MB, from /proc/PID/status (null where there is no /proc). */
    static Long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    private static void write(Path out, Map<String, Object> result) throws IOException {
        RecordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    }
}
