package uk.localoffer.server.faults;

import uk.localoffer.server.cli.DataDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The processes a fault test starts (imports, servers), each a new JVM on the test's class path; all stopped at the end. */
final class Children implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving \\d+ services on http://127\\.0\\.0\\.1:(\\d+)");
    private final List<Process> started = new ArrayList<>();

    /** A child process whose output is read line by line as it comes. */
    static final class Child {
        final Process process;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder all = new StringBuilder();

        Child(Process process) {
            this.process = process;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        synchronized (all) { all.append(l).append('\n'); }
                        lines.add(l);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            t.setDaemon(true);
            t.start();
        }

        /** Waits for a line starting with {@code prefix}; fails after {@code seconds}. */
        String await(String prefix, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String l = lines.poll(100, TimeUnit.MILLISECONDS);
                if (l != null && l.startsWith(prefix)) return l;
            }
            throw new AssertionError("no line '" + prefix + "' in " + seconds + " s; the process said:\n" + output());
        }

        /** Tells a stopped import to go on. */
        void proceed() throws IOException {
            Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            w.write("go\n");
            w.flush();
        }

        /** SIGKILL: no shutdown hook, no closing of the store. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process did not die");
        }

        String output() {
            synchronized (all) { return all.toString(); }
        }
    }

    Child java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(p);
        return new Child(p);
    }

    /** An import of {@code file} that stops at {@code point} (see {@link ImportProcess}). */
    Child importStoppingAt(Path data, Path file, String point) throws IOException {
        return java(ImportProcess.class.getName(), data.toString(), file.toString(), point);
    }

    /** The operator's command line, {@code local-offer ARGS}, in its own process. */
    Child cli(String... args) throws IOException {
        return java("uk.localoffer.server.Main", args);
    }

    /** {@code serve} on a free port; the port, once it says it is serving. */
    int serve(Child server, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(server.output());
            if (m.find()) return Integer.parseInt(m.group(1));
            assertTrue(server.process.isAlive(), "the server stopped: " + server.output());
            Thread.sleep(50);
        }
        throw new AssertionError("the server did not start: " + server.output());
    }

    Child startServer(Path data) throws IOException {
        return cli("serve", "--data-dir", data.toString(), "--port", "0");
    }

    /** SQLite's own check of the whole file: "ok" when every page and index is whole. */
    static String integrity(Path data) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + DataDir.storeFile(data).toAbsolutePath());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) out.append(out.isEmpty() ? "" : "; ").append(rs.getString(1));
            return out.toString();
        }
    }

    /** The generations of the search index on disk. */
    static List<Path> generations(Path data) throws IOException {
        Path index = data.resolve("index");
        if (!Files.isDirectory(index)) return List.of();
        try (var s = Files.list(index)) {
            return s.filter(p -> p.getFileName().toString().startsWith("gen-")).sorted().toList();
        }
    }

    /** A services CSV of {@code n} services of one source, each name saying which version of the file it is. */
    static Path offerFile(Path dir, String source, String version, int n) throws IOException {
        StringBuilder b = new StringBuilder("source_id,name,description,authority,needs,age_min,age_max,provenance,source_note\n");
        for (int i = 0; i < n; i++)
            b.append("s").append(i).append(',').append("Faultline ").append(version).append(" service ").append(i)
                    .append(",A service for the fault tests,E08000012,mentoring,16,25,illustrative,fault test\n");
        Path file = dir.resolve(version).resolve(source + ".csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.toString());
        return file;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
