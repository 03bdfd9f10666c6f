package uk.localoffer.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the default dataset's files are read from: the copy inside the program, or a folder. */
public interface DataFiles {
    Reader open(String name) throws IOException;

    default boolean exists(String name) {
        try (Reader r = open(name)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A CSV file of the dataset; a file whose structure is broken fails the import. */
    default CsvTable table(String name) throws IOException {
        try (Reader r = open(name)) {
            return CsvTable.read(name, r);
        } catch (CsvTable.CsvSyntaxException e) {
            ImportReport report = new ImportReport();
            report.add(ImportProblem.error(e.file, e.line, null, e.getMessage()));
            throw new ImportFailedException(report);
        }
    }

    static DataFiles embedded() {
        return name -> {
            InputStream in = DataFiles.class.getResourceAsStream("/default-data/" + name);
            if (in == null) throw new IOException("default data file " + name + " is missing from the program");
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        };
    }

    static DataFiles folder(Path dir) {
        return name -> Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
