package uk.localoffer.geo;

import org.junit.jupiter.api.Test;
import uk.localoffer.domain.GeoPoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostcodeTableTest {
    static final List<PostcodeTable.Row> ROWS = List.of(
            new PostcodeTable.Row("L1", "8JQ", 5340456, -298715, 'E'),
            new PostcodeTable.Row("EH1", "1YZ", 5595032, -319301, 'S'),
            new PostcodeTable.Row("NPT", "0AD", 5158846, -299159, 'W'),
            new PostcodeTable.Row("L1", "0AA", 5340001, -298001, 'E'));

    @Test
    void aTableWrittenAndReadBackFindsEveryPostcodeAtItsPositionAndNoOther() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        PostcodeTable.of(ROWS).write(file);
        PostcodeTable t = PostcodeTable.read(new ByteArrayInputStream(file.toByteArray()));
        assertEquals(4, t.size());
        for (PostcodeTable.Row r : ROWS) {
            int i = t.indexOf(r.outcode(), r.inward());
            assertTrue(i >= 0, r.toString());
            assertEquals(r.outcode() + " " + r.inward(), t.postcode(i));
            assertEquals(new GeoPoint(r.lat() / PostcodeTable.UNITS_PER_DEGREE, r.lon() / PostcodeTable.UNITS_PER_DEGREE), t.point(i));
            assertEquals(r.nation(), t.nation(i));
        }
        assertEquals(-1, t.indexOf("L1", "8JR"), "an inward code the outcode does not have");
        assertEquals(-1, t.indexOf("L2", "8JQ"), "an outcode the table does not have");
        assertEquals(-1, t.indexOf("L1", "8J"), "not an inward code");
    }

    @Test
    void aPostcodeGivenTwiceIsRefused() {
        var twice = List.of(ROWS.get(0), new PostcodeTable.Row("L1", "8JQ", 1, 1, 'E'));
        assertThrows(IllegalArgumentException.class, () -> PostcodeTable.of(twice));
    }

    @Test
    void theShippedTableHoldsEveryGreatBritainPostcodeOfTheLookup() {
        PostcodeTable t = PostcodeTable.embedded();
        assertEquals(2_630_686, t.size());
        int i = t.indexOf("L1", "8JQ");
        assertEquals(new GeoPoint(53.40456, -2.98715), t.point(i));
        assertEquals('S', t.nation(t.indexOf("EH1", "1YZ")));
        assertTrue(t.indexOf("NPT", "0AD") >= 0, "the old Newport outcode is kept");
        assertTrue(Postcodes.parse("npt 0ad").orElseThrow().full());
    }
}
