package uk.localoffer.server.faults;

import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.server.cli.DataDir;
import uk.localoffer.store.Store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * An import in its own process, with the real importer and store, that stops where a fault test
 * says and says so ("AT checked", "AT writing", "AT committed"), then waits for a line on its
 * standard input before going on, or to be killed.
 *
 * <p>Usage: ImportProcess DATA_DIR FILE POINT, POINT one of: checked (all read and checked,
 * before the store is written), writing (the records written, the transaction open), committed
 * (the import committed, the store still open), none (straight through).
 */
public final class ImportProcess {
    private ImportProcess() { }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]), file = Path.of(args[1]);
        String point = args[2];
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Store store = Store.open(DataDir.storeFile(data));
        PrintStream progress = new PrintStream(new OutputStream() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(int b) {
                if (b != '\n') {
                    line.append((char) b);
                    return;
                }
                String l = line.toString();
                line.setLength(0);
                say(l);
                if (point.equals("checked") && l.startsWith("checked ")) stopAt("checked", in);
            }
        }, true, StandardCharsets.UTF_8);
        Importer importer = new Importer(store, progress).onWritten((what, changes) -> {
            if (point.equals("writing")) stopAt("writing", in);
        });
        importer.importFiles(List.of(file), null, Importer.vocabulary(DataFiles.embedded()), false);
        say("AT committed");
        if (point.equals("committed")) stopAt("committed", in);
        store.close();
        say("AT done");
    }

    private static void stopAt(String point, BufferedReader in) {
        say("AT " + point);
        try {
            in.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
