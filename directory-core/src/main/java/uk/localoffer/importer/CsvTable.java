package uk.localoffer.importer;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 4180 CSV file read whole (Jackson's CSV parser): a header and rows, each row keeping
 * the line it starts on so that problems can be reported by line.
 */
public record CsvTable(String file, List<String> header, List<Row> rows) {
    private static final CsvMapper CSV = new CsvMapper();

    public record Row(String file, int line, Map<String, String> cells) {
        /** The trimmed cell, or "" when blank or absent. */
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.trim();
        }

        public boolean has(String column) { return !get(column).isEmpty(); }
    }

    /** One record of the file as written, and the line it starts on. */
    private record Cells(int line, List<String> values) {
        boolean blank() { return values.size() == 1 && values.get(0).isBlank(); }
    }

    public static CsvTable read(String file, Reader reader) throws IOException, CsvSyntaxException {
        List<Cells> records = records(file, reader);
        if (records.isEmpty()) throw new CsvSyntaxException(file, 1, "the file is empty: a header row is needed");
        List<String> header = records.get(0).values().stream().map(String::trim).toList();
        List<Row> rows = new ArrayList<>();
        for (Cells r : records.subList(1, records.size())) {
            if (r.blank()) continue;
            if (r.values().size() != header.size())
                throw new CsvSyntaxException(file, r.line(), "the row has " + r.values().size() + " cells but the header has " + header.size());
            Map<String, String> cells = new LinkedHashMap<>();
            for (int j = 0; j < header.size(); j++) cells.put(header.get(j), r.values().get(j));
            rows.add(new Row(file, r.line(), Collections.unmodifiableMap(cells)));
        }
        return new CsvTable(file, header, List.copyOf(rows));
    }

    /** Every record, the header first; a file with only blank lines has none. */
    private static List<Cells> records(String file, Reader reader) throws IOException, CsvSyntaxException {
        List<Cells> out = new ArrayList<>();
        int line = 1;
        try (CsvParser p = CSV.getFactory().createParser(withoutByteOrderMark(reader))) {
            List<String> values = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING) values.add(p.getText());
                else if (t == JsonToken.END_ARRAY) {
                    boolean emptyLine = values.isEmpty() || (values.size() == 1 && values.get(0).isEmpty());
                    if (!emptyLine) out.add(new Cells(line, List.copyOf(values)));
                    values.clear();
                    line = p.currentLocation().getLineNr(); // where the next record starts
                }
            }
        } catch (JsonParseException e) {
            String what = e.getOriginalMessage();
            throw new CsvSyntaxException(file, line, what.startsWith("Missing closing quote") ? "a quoted cell is never closed"
                    : what.contains("Expected column separator") ? "text after a closing quote" : what);
        }
        return out;
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int c = in.read();
        if (c != -1 && c != 0xFEFF) in.unread(c);
        return in;
    }

    /** A file whose CSV structure is broken, so no row in it can be trusted. */
    public static final class CsvSyntaxException extends Exception {
        public final String file;
        public final int line;

        public CsvSyntaxException(String file, int line, String message) {
            super(file + ":" + line + ": " + message);
            this.file = file;
            this.line = line;
        }
    }
}
