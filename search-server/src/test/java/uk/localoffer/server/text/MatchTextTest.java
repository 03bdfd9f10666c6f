package uk.localoffer.server.text;

import org.junit.jupiter.api.Test;
import uk.localoffer.domain.AgeRange;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Nation;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Exclusion;
import uk.localoffer.match.Reason;
import uk.localoffer.match.Warning;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The matcher's codes in the words a young person reads, in English and Welsh: every code has its sentence, and these are them. */
class MatchTextTest {
    static final Map<String, Authority> AUTHORITIES = Map.of(
            "E06000023", new Authority("E06000023", "Bristol, City of", null, Nation.ENGLAND, "South West", "unitary", new GeoPoint(51.45, -2.58), 110.0, "Bristol City Council", null, null),
            "W06000015", new Authority("W06000015", "Cardiff", "Caerdydd", Nation.WALES, "Wales", "unitary", new GeoPoint(51.48, -3.18), 140.0, "Cardiff Council", null, null),
            "E08000014", new Authority("E08000014", "Sefton", null, Nation.ENGLAND, "North West", "metropolitan", new GeoPoint(53.5, -3.0), 150.0, "Sefton Council", null, null));
    static final MatchText TEXT;

    static {
        try {
            TEXT = new MatchText(Importer.vocabulary(DataFiles.embedded()), AUTHORITIES::get);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void reasonsSayWhyAServiceRanksWhereItDoes() {
        assertEquals("Meant for care leavers", TEXT.of(Reason.of(Reason.Code.MEANT_FOR_CARE_LEAVERS), "en"));
        assertEquals("Delivered in Welsh", TEXT.of(Reason.of(Reason.Code.DELIVERED_IN, "cy"), "en"));
        assertEquals("Delivered in Pashto", TEXT.of(Reason.of(Reason.Code.DELIVERED_IN, "ps"), "en"));
        assertEquals("3.2 km away", TEXT.of(Reason.of(Reason.Code.DISTANCE, 3.24), "en"));
        assertEquals("Can be used by phone or text, online", TEXT.of(Reason.of(Reason.Code.USABLE_REMOTELY, List.of("phone", "online")), "en"));
        assertEquals("Helps with: Emotional wellbeing and mental health", TEXT.of(Reason.of(Reason.Code.NEED, "emotional-wellbeing"), "en"));
        assertEquals("Related: Physical and sexual health", TEXT.of(Reason.of(Reason.Code.RELATED_NEED, "physical-health"), "en"));
        assertEquals("Designed for: Unaccompanied or formerly unaccompanied asylum-seeking young person", TEXT.of(Reason.of(Reason.Code.DESIGNED_FOR, "uasc"), "en"));
        assertEquals("No referral needed: self-referral or drop-in", TEXT.of(Reason.of(Reason.Code.NO_REFERRAL_NEEDED), "en"));
        assertEquals("Open 24 hours, every day", TEXT.of(Reason.of(Reason.Code.OPEN_24_7), "en"));
    }

    @Test
    void warningsSayWhatMayGetInTheWay() {
        assertEquals("Last confirmed 30 months ago (checked with the provider or dated on its source page)",
                TEXT.of(Warning.of(Warning.Code.LAST_CONFIRMED, 30L), "en"));
        assertEquals("Usual wait about 12 weeks", TEXT.of(Warning.of(Warning.Code.USUAL_WAIT, 12), "en"));
        assertEquals("18 km away: travel costs may need the PA's help", TEXT.of(Warning.of(Warning.Code.TRAVEL_COSTS, 17.6), "en"));
        assertEquals("Only in English", TEXT.of(Warning.of(Warning.Code.ONLY_IN_ENGLISH), "en"));
        assertEquals("Only in English: no Arabic or interpreter recorded", TEXT.of(Warning.of(Warning.Code.ONLY_IN_ENGLISH_NOT_LANGUAGE, "ar"), "en"));
        assertEquals("Needs a GP or other professional referral", TEXT.of(Warning.of(Warning.Code.NEEDS_PROFESSIONAL_REFERRAL), "en"));
        assertEquals("Illustrative record: not a real service", TEXT.of(Warning.of(Warning.Code.ILLUSTRATIVE), "en"));
        assertEquals("Meant for a particular group: LGBTQ+, Young parent", TEXT.of(Warning.of(Warning.Code.FOR_GROUP, Set.of("young_parent", "lgbtq")), "en"));
        assertEquals("Only up to age 24: it ends soon, so plan what comes next", TEXT.of(Warning.of(Warning.Code.ENDS_SOON, 24), "en"));
    }

    @Test
    void exclusionsSayWhyAYoungPersonCannotUseAService() {
        assertEquals("Age 26 is outside 16 to 25", TEXT.of(Exclusion.of(Exclusion.Code.AGE, 26, new AgeRange(16, 25)), "en"));
        assertEquals("Does not accept people who are: currently using drugs or alcohol", TEXT.of(Exclusion.of(Exclusion.Code.EXCLUDES, "substance_use"), "en"));
        assertEquals("In person only, 12 km away (limit 10 km)", TEXT.of(Exclusion.of(Exclusion.Code.TOO_FAR, 12.3, 10.0), "en"));
        assertEquals("Only for care leavers who are former relevant or relevant",
                TEXT.of(Exclusion.of(Exclusion.Code.STATUS, List.of("relevant", "former_relevant")), "en"));
        assertEquals("Only for people who live in England", TEXT.of(Exclusion.of(Exclusion.Code.NATION, List.of("England")), "en"));
        assertEquals("Dim ond i bobl sy'n byw yng Nghymru", TEXT.of(Exclusion.of(Exclusion.Code.NATION, List.of("Wales")), "cy"));
    }

    @Test
    void exclusionsNameCouncilsByName() {
        Exclusion home = Exclusion.of(Exclusion.Code.HOME_AUTHORITY, List.of("W06000015", "E06000023", "E08000014"));
        assertEquals("Only for care leavers of Bristol, Cardiff or Sefton", TEXT.of(home, "en"));
        assertEquals("Dim ond i bobl a fu yng ngofal Bristol, Caerdydd neu Sefton", TEXT.of(home, "cy"));
        assertEquals("Only for care leavers of Sefton (say which council looked after the young person)",
                TEXT.of(Exclusion.of(Exclusion.Code.HOME_AUTHORITY_NOT_GIVEN, List.of("E08000014")), "en"));
        assertEquals("Only for people who live in Sefton", TEXT.of(Exclusion.of(Exclusion.Code.OUTSIDE_AREA, List.of("E08000014")), "en"));
        assertEquals("Only for people who live near it", TEXT.of(Exclusion.of(Exclusion.Code.OUTSIDE_AREA, List.of()), "en"));
    }

    @Test
    void everyCodeHasItsWordsInEnglishAndWelsh() {
        for (String lang : List.of("en", "cy")) {
            for (Reason.Code c : Reason.Code.values()) assertFalse(TEXT.of(new Reason(c, sample(c.params())), lang).isBlank(), c.toString());
            for (Warning.Code c : Warning.Code.values()) assertFalse(TEXT.of(new Warning(c, sample(c.params())), lang).isBlank(), c.toString());
            for (Exclusion.Code c : Exclusion.Code.values()) assertFalse(TEXT.of(new Exclusion(c, sample(c.params())), lang).isBlank(), c.toString());
        }
        for (Reason.Code c : Reason.Code.values())
            assertNotEquals(TEXT.of(new Reason(c, sample(c.params())), "en"), TEXT.of(new Reason(c, sample(c.params())), "cy"), c.toString());
    }

    /** A value of the right kind for each parameter. */
    private static List<Object> sample(List<String> params) {
        return params.stream().map(p -> (Object) switch (p) {
            case "need" -> "emotional-wellbeing";
            case "ways" -> List.of("phone");
            case "statuses" -> List.of("relevant");
            case "authorities" -> List.of("E08000012");
            case "nations" -> List.of("England");
            case "circumstances" -> List.of("lgbtq");
            case "km", "limit_km" -> 5.0;
            case "weeks", "age", "age_max" -> 20;
            case "months" -> 30L;
            case "ages" -> new AgeRange(16, 25);
            case "language" -> "cy";
            case "circumstance" -> "uasc";
            default -> throw new AssertionError("no sample for " + p);
        }).toList();
    }
}
