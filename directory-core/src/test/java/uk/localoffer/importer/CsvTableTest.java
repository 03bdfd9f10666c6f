package uk.localoffer.importer;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableTest {
    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndRowsKnowTheirLine() throws Exception {
        String csv = "name,detail\n\"Pure Insight\",\"mentoring, \"\"counselling\"\"\"\nNew Leaf,\"two\nlines\"\nLast,x\n";
        CsvTable t = CsvTable.read("t.csv", new StringReader(csv));
        assertEquals(3, t.rows().size());
        assertEquals("mentoring, \"counselling\"", t.rows().get(0).get("detail"));
        assertEquals("two\nlines", t.rows().get(1).get("detail"));
        assertEquals(2, t.rows().get(0).line());
        assertEquals(3, t.rows().get(1).line());
        assertEquals(5, t.rows().get(2).line());
    }

    @Test
    void aRowWithTheWrongNumberOfCellsNamesItsLine() {
        var e = assertThrows(CsvTable.CsvSyntaxException.class,
                () -> CsvTable.read("bad.csv", new StringReader("a,b\n1,2\n3,4,5\n")));
        assertEquals(3, e.line);
        assertTrue(e.getMessage().contains("bad.csv:3"), e.getMessage());
    }

    @Test
    void anUnclosedQuoteIsReported() {
        var e = assertThrows(CsvTable.CsvSyntaxException.class,
                () -> CsvTable.read("bad.csv", new StringReader("a,b\n1,\"open\n")));
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }
}
