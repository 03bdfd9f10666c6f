package uk.localoffer.geo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.TestData;
import uk.localoffer.directory.Directory;
import uk.localoffer.importer.CsvTable;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Weights;
import uk.localoffer.store.Store;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Postcodes where placing to the postcode matters: near another authority or another district
 * of the same county, on the coast outside every generalised polygon, in Scotland near England,
 * and in postcode districts split between authorities. The sample (test resource
 * boundary-postcodes.csv) was drawn from the NSPL file by import-scripts/derive-reference-data.sh,
 * with the answers of the unsimplified ONS boundaries; here the shipped data must give the same.
 */
class BoundaryPostcodesTest {
    @TempDir static Path dir;
    static Store store;
    static Directory directory;
    static List<CsvTable.Row> sample;

    @BeforeAll
    static void load() throws Exception {
        store = TestData.defaultStore(dir);
        directory = new Directory(store, Importer.vocabulary(DataFiles.embedded()), dir.resolve("index"), Weights.DEFAULT);
        try (var in = new InputStreamReader(BoundaryPostcodesTest.class.getResourceAsStream("/boundary-postcodes.csv"), StandardCharsets.UTF_8)) {
            sample = CsvTable.read("boundary-postcodes.csv", in).rows();
        }
    }

    @AfterAll
    static void close() {
        directory.close();
        store.close();
    }

    @Test
    void everySampledPostcodeIsPlacedAtItsOwnPositionInTheAuthorityAndDistrictOfTheUnsimplifiedBoundaries() {
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (CsvTable.Row r : sample) {
            kinds.merge(r.get("kind"), 1, Integer::sum);
            Place p = directory.locator().locate(r.get("postcode"), null);
            String authority = p.hostAuthority() == null ? "" : p.hostAuthority();
            String district = p.districtCouncil() == null ? "" : p.districtCouncil().code();
            if (!p.source().equals("postcode") || !authority.equals(r.get("authority")) || !district.equals(r.get("district")))
                wrong.add(r.get("postcode") + " (" + r.get("kind") + "): expected " + r.get("authority") + "/" + r.get("district")
                        + ", got " + authority + "/" + district + " at " + p.source() + " precision");
        }
        assertEquals(List.of(), wrong);
        assertEquals(Map.of("authority_edge", 1000, "district_edge", 500, "coast", 100, "scotland_border", 50, "split_outcode", 350), kinds);
    }

    @Test
    void theOutcodeAloneWouldPlaceManyOfThePostcodesInSplitDistrictsInTheWrongAuthority() {
        int split = 0, wrongByOutcode = 0;
        for (CsvTable.Row r : sample) {
            if (!r.get("kind").equals("split_outcode")) continue;
            split++;
            String outcode = r.get("postcode").substring(0, r.get("postcode").indexOf(' '));
            if (!r.get("authority").equals(directory.locator().locate(outcode, null).hostAuthority())) wrongByOutcode++;
        }
        System.out.println("postcodes in split districts: " + split + "; placed by their outcode, " + wrongByOutcode + " would be in the wrong authority");
        assertTrue(wrongByOutcode > split / 10, wrongByOutcode + " of " + split);
    }
}
