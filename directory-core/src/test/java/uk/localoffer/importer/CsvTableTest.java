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

    @Test
    void windowsLineEndsAByteOrderMarkAndBlankLinesAreReadAsTheyMeant() throws Exception {
        CsvTable t = CsvTable.read("w.csv", new StringReader("\uFEFFname,detail\r\nA,\"two\r\nlines\"\r\n\r\n   \r\nB,x\r\n"));
        assertEquals(java.util.List.of("name", "detail"), t.header());
        assertEquals(2, t.rows().size());
        assertEquals("two\r\nlines", t.rows().get(0).cells().get("detail"));
        assertEquals(2, t.rows().get(0).line());
        assertEquals(6, t.rows().get(1).line(), "blank lines are skipped but still counted");
    }

    @Test
    void textAfterAClosingQuoteAndAnEmptyFileAreReportedByLine() {
        var after = assertThrows(CsvTable.CsvSyntaxException.class, () -> CsvTable.read("bad.csv", new StringReader("a,b\n1,2\n\"x\"y,3\n")));
        assertEquals(3, after.line);
        assertTrue(after.getMessage().contains("text after a closing quote"), after.getMessage());
        var unclosed = assertThrows(CsvTable.CsvSyntaxException.class, () -> CsvTable.read("bad.csv", new StringReader("a,b\n1,\"two\nlines\"\n\"open,\n")));
        assertEquals(4, unclosed.line, "the line the unclosed cell starts on");
        var empty = assertThrows(CsvTable.CsvSyntaxException.class, () -> CsvTable.read("empty.csv", new StringReader("\n\n")));
        assertTrue(empty.getMessage().contains("a header row is needed"), empty.getMessage());
    }

    @Test
    void writtenCellsAreQuotedOnlyWhereTheyMustBeAndReadBackTheSame() throws Exception {
        java.io.StringWriter w = new java.io.StringWriter();
        try (CsvOut out = new CsvOut(w)) {
            out.row(java.util.List.of("plain", "with, comma", "with \"quote\"", "two\nlines", " spaced "));
            java.util.List<String> withNull = new java.util.ArrayList<>(java.util.List.of("a", "b", "c", "d"));
            withNull.add(null);
            out.row(withNull);
        }
        assertEquals("plain,\"with, comma\",\"with \"\"quote\"\"\",\"two\nlines\", spaced \na,b,c,d,\n", w.toString());
        CsvTable t = CsvTable.read("back.csv", new StringReader(w.toString()));
        assertEquals(java.util.List.of("plain", "with, comma", "with \"quote\"", "two\nlines", "spaced"), t.header());
        assertEquals("", t.rows().get(0).get("spaced"), "null is written blank");
    }
}
