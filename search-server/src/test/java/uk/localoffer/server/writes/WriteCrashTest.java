package uk.localoffer.server.writes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server as an operator runs it, in its own process: a write answered 200 is still there
 * after the process is killed with SIGKILL and started again; the key is nowhere in the data
 * directory or the logs; the log has an audit line for each write, with ids and never contents.
 */
class WriteCrashTest {
    private static final Pattern SERVING = Pattern.compile("serving \\d+ services on http://127\\.0\\.0\\.1:(\\d+)");
    @TempDir Path dir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** {@code serve} in a new JVM on a free port; its output (log included) goes to {@code log}. */
    private int serve(Path data, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "uk.localoffer.server.Main", "serve", "--data-dir", data.toString(), "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(Files.readString(log));
            if (m.find()) return Integer.parseInt(m.group(1));
            assertTrue(p.isAlive(), "the server stopped: " + Files.readString(log));
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not start: " + Files.readString(log));
    }

    @Test
    void aWriteAnswered200SurvivesSigkillAndNeitherTheDataNorTheLogsHoldTheKey() throws Exception {
        Path data = dir.resolve("data"), firstLog = dir.resolve("first.log"), secondLog = dir.resolve("second.log");
        Keys.Result imported = Keys.cli("import", "--data-dir", data.toString());
        assertEquals(0, imported.code(), imported.err());
        String key = Keys.create(data, "E08000012", "Liverpool web team");
        String keyId = key.substring(4, 20), secret = key.substring(21);

        Http first = new Http(serve(data, firstLog));
        var list = first.get("/api/v1/services?authority=E08000012&per_page=1").json();
        String id = list.get("contents").get(0).get("id").asText(), path = "/api/v1/services/" + id;
        ObjectNode edit = (ObjectNode) first.get(path).json();
        String words = "Written just before the server was killed: " + System.nanoTime();
        edit.put("description", words);
        Http.Response put = first.put(path, key, edit.toString());
        assertEquals(200, put.status(), put.body());
        Process server = started.get(0);
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no closing of the store
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, server.exitValue(), "killed by SIGKILL");

        Http second = new Http(serve(data, secondLog));
        assertEquals(words, second.get(path).json().get("description").asText(), "the write is in place after the restart");
        assertEquals(put.header("ETag"), second.get(path).header("ETag"));
        var history = second.get(path + "/history").json().get("changes");
        assertEquals("Liverpool web team", history.get(history.size() - 1).get("by").get("key_name").asText());
        assertEquals(401, second.post(path + "/verified", "lok_" + "x".repeat(16) + "_" + secret, null).status());
        assertEquals(200, second.post(path + "/verified", key, null).status());

        // An operator's import in another process is picked up by the reload watcher within seconds.
        Path offer = dir.resolve("operator-offer.csv");
        Files.writeString(offer, "source_id,name,description,authority,needs,source_url,recorded,phone\n"
                + "x1,Marrowfield care leavers hub,Drop-in support,E08000012,mentoring,https://liverpool.gov.uk/x,2026-01-01,0151 233 3000\n");
        Keys.Result imported2 = Keys.cli("import", "--data-dir", data.toString(), offer.toString());
        assertEquals(0, imported2.code(), imported2.err());
        long committed = System.nanoTime();
        while (second.get("/api/v1/services?search=Marrowfield").json().get("total_items").asInt() == 0) {
            assertTrue(System.nanoTime() - committed < 3_000_000_000L, "another process's import not served within 3 s");
            Thread.sleep(50);
        }

        for (Path f : files(data)) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains(secret), "the key's secret is in " + f);
        }
        String logs = Files.readString(firstLog) + Files.readString(secondLog);
        assertFalse(logs.contains(secret), "the key's secret is in the logs");
        assertTrue(logs.contains("key " + keyId + " (E08000012): put service " + id + ": 200"), logs);
        assertTrue(logs.contains("key " + keyId + " (E08000012): verify service " + id + ": 200"), logs);
        assertTrue(logs.contains("no valid key: verify service " + id + ": 401"), logs);
        assertTrue(Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z key " + keyId).matcher(logs).find(), "each line has its time: " + logs);
        assertFalse(logs.contains(words), "no record contents in the logs");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
