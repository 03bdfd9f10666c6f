package uk.localoffer.server.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.server.ServerTestData;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, what held and must keep holding: a token typed into every field of a young person's
 * profile (accepted or refused) leaves no trace in the data directory (store, journal, index) or in
 * what the server logs.
 */
class ProfileTraceTest {
    static final String TOKEN = "Zq7tr4ceTok3n";

    @TempDir Path dir;

    static List<String> bodies() {
        String t = "\"" + TOKEN + "\"", base = "{\"age\":19,\"postcode\":\"L1 8JQ\"";
        List<String> out = new ArrayList<>(List.of(
                base + ",\"text\":\"" + TOKEN + " counselling\"}",
                "{\"age\":19,\"postcode\":" + t + "}",
                "{\"age\":" + t + ",\"postcode\":\"L1 8JQ\"}",
                base + ",\"location\":{\"lat\":" + t + ",\"lon\":-2.9}}",
                base + ",\"needs\":{" + t + ":1}}",
                base + ",\"english_ok\":" + t + "}",
                base + ",\"max_distance_km\":" + t + "}",
                base + ",\"limit\":" + t + "}",
                base + "," + t + ":1}"));
        for (String f : List.of("home_authority", "status", "urgency")) out.add(base + ",\"" + f + "\":" + t + "}");
        for (String f : List.of("needs", "languages", "circumstances", "delivery")) out.add(base + ",\"" + f + "\":[" + t + "]}");
        return out;
    }

    @Test
    void aTokenInEveryProfileFieldLeavesNoTraceOnDiskOrInTheLog() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = System.out, err = System.err;
        System.setOut(tee(out, log));
        System.setErr(tee(err, log));
        int accepted = 0;
        try (ServerTestData.RunningServer server = ServerTestData.startServer(dir)) {
            int port = server.app().port();
            for (String body : bodies()) {
                for (String path : List.of("/api/v1/match", "/api/v1/match?explain=true&lang=cy")) {
                    RawHttp.Answer a = RawHttp.send(port, RawHttp.request("POST", path, body, "Content-Type", "application/json"));
                    assertTrue(a.status() == 200 || a.status() == 400, a.raw());
                    if (a.status() == 200) accepted++;
                }
            }
            assertEquals(200, RawHttp.get(port, "/health").status());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertTrue(accepted >= 2, "the profile with the token in its free text is matched");
        String logged;
        synchronized (log) { logged = log.toString(StandardCharsets.UTF_8); }
        assertFalse(logged.contains(TOKEN), "the token reached the log:\n" + logged);
        byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) assertFalse(contains(Files.readAllBytes(f), token), "the token is in " + f);
        }
    }

    /** A stream writing to {@code to} and, under its lock, to {@code log} (the fuzz suite captures the log with it too). */
    static PrintStream tee(PrintStream to, ByteArrayOutputStream log) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                to.write(b);
                synchronized (log) { log.write(b); }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                to.write(b, off, len);
                synchronized (log) { log.write(b, off, len); }
            }
        }, true, StandardCharsets.UTF_8);
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
