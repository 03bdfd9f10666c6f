package uk.localoffer.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 4180 CSV file read whole: a header and rows, each row keeping the line it starts on
 * so that problems can be reported by line.
 */
public record CsvTable(String file, List<String> header, List<Row> rows) {

    public record Row(String file, int line, Map<String, String> cells) {
        /** The trimmed cell, or "" when blank or absent. */
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.trim();
        }

        public boolean has(String column) { return !get(column).isEmpty(); }
    }

    public static CsvTable read(String file, Reader reader) throws IOException, CsvSyntaxException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        List<String> record = new ArrayList<>();
        int line = 1, recordLine = 1;
        boolean quoted = false, afterQuote = false, any = false;
        int c = in.read();
        if (c == 0xFEFF) c = in.read(); // byte order mark
        for (; c != -1; c = in.read()) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') { cell.append('"'); continue; }
                    quoted = false; afterQuote = true;
                    if (next == -1) break;
                    c = next; ch = (char) c;
                } else {
                    if (ch == '\n') line++;
                    cell.append(ch);
                    continue;
                }
            }
            if (ch == ',') {
                record.add(cell.toString()); cell.setLength(0); afterQuote = false; any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') { in.mark(1); if (in.read() != '\n') in.reset(); }
                if (any || cell.length() > 0 || !record.isEmpty()) {
                    record.add(cell.toString());
                    records.add(record); lines.add(recordLine);
                }
                record = new ArrayList<>(); cell.setLength(0); afterQuote = false; any = false;
                line++; recordLine = line;
            } else if (ch == '"') {
                if (cell.length() > 0 || afterQuote) throw new CsvSyntaxException(file, line, "a quote in the middle of an unquoted cell");
                quoted = true; any = true;
            } else {
                if (afterQuote) throw new CsvSyntaxException(file, line, "text after a closing quote");
                cell.append(ch); any = true;
            }
        }
        if (quoted) throw new CsvSyntaxException(file, recordLine, "a quoted cell is never closed");
        if (any || cell.length() > 0 || !record.isEmpty()) { record.add(cell.toString()); records.add(record); lines.add(recordLine); }
        if (records.isEmpty()) throw new CsvSyntaxException(file, 1, "the file is empty: a header row is needed");

        List<String> header = records.get(0).stream().map(String::trim).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) continue;
            if (r.size() != header.size())
                throw new CsvSyntaxException(file, lines.get(i), "the row has " + r.size() + " cells but the header has " + header.size());
            Map<String, String> cells = new LinkedHashMap<>();
            for (int j = 0; j < header.size(); j++) cells.put(header.get(j), r.get(j));
            rows.add(new Row(file, lines.get(i), Collections.unmodifiableMap(cells)));
        }
        return new CsvTable(file, header, List.copyOf(rows));
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
