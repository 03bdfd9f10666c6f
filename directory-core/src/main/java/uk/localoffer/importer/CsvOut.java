package uk.localoffer.importer;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Writes CSV records (RFC 4180, Jackson's CSV generator): a cell is quoted only where it must
 * be (a comma, quote or line break in it), null is written blank. Closing it leaves the
 * underlying writer open, flushed.
 */
public final class CsvOut implements AutoCloseable {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    private final SequenceWriter rows;

    public CsvOut(Writer out) throws IOException {
        this.rows = CSV.writer().writeValues(out);
    }

    public CsvOut row(List<String> cells) throws IOException {
        rows.write(cells.stream().map(c -> Objects.requireNonNullElse(c, "")).toArray(String[]::new));
        return this;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
