package uk.localoffer.server.writes;

import uk.localoffer.server.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The operator's command line run in-process, and keys made with it. */
final class Keys {
    private Keys() { }

    record Result(int code, String out, String err) { }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A new key for {@code authority}: the last line {@code keys create} prints. */
    static String create(Path dataDir, String authority, String name) {
        Result r = cli("keys", "create", "--authority", authority, "--name", name, "--data-dir", dataDir.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
