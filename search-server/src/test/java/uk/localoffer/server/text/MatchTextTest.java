package uk.localoffer.server.text;

import org.junit.jupiter.api.Test;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Nation;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Exclusion;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exclusions name councils by name, in English and Welsh, never by their GSS codes. */
class MatchTextTest {
    static final Map<String, Authority> AUTHORITIES = Map.of(
            "E06000023", new Authority("E06000023", "Bristol, City of", null, Nation.ENGLAND, "South West", "unitary", new GeoPoint(51.45, -2.58), 110.0, "Bristol City Council", null, null),
            "W06000015", new Authority("W06000015", "Cardiff", "Caerdydd", Nation.WALES, "Wales", "unitary", new GeoPoint(51.48, -3.18), 140.0, "Cardiff Council", null, null),
            "E08000014", new Authority("E08000014", "Sefton", null, Nation.ENGLAND, "North West", "metropolitan", new GeoPoint(53.5, -3.0), 150.0, "Sefton Council", null, null));
    @Test
    void exclusionsNameCouncilsByName() throws Exception {
        MatchText text = new MatchText(Importer.vocabulary(DataFiles.embedded()), AUTHORITIES::get);
        Exclusion home = Exclusion.of(Exclusion.Code.HOME_AUTHORITY, List.of("W06000015", "E06000023", "E08000014"));
        assertEquals("Only for care leavers of Bristol, Cardiff or Sefton", text.of(home, "en"));
        assertEquals("Dim ond i bobl a fu yng ngofal Bristol, Caerdydd neu Sefton", text.of(home, "cy"));
        assertEquals("Only for people who live in Sefton", text.of(Exclusion.of(Exclusion.Code.OUTSIDE_AREA, List.of("E08000014")), "en"));
        assertEquals("Only for people who live near it", text.of(Exclusion.of(Exclusion.Code.OUTSIDE_AREA, List.of()), "en"));
    }
}
