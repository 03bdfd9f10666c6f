package uk.localoffer.server.text;

import org.junit.jupiter.api.Test;
import uk.localoffer.domain.AgeRange;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Exclusion;
import uk.localoffer.match.Reason;
import uk.localoffer.match.Warning;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The matcher's codes in the words a young person reads: every code has its sentence, and these are them. */
class MatchTextTest {
    static final MatchText TEXT;

    static {
        try {
            TEXT = new MatchText(Importer.vocabulary(DataFiles.embedded()));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void reasonsSayWhyAServiceRanksWhereItDoes() {
        assertEquals("Meant for care leavers", TEXT.of(Reason.of(Reason.Code.MEANT_FOR_CARE_LEAVERS)));
        assertEquals("Delivered in Welsh", TEXT.of(Reason.of(Reason.Code.DELIVERED_IN, "cy")));
        assertEquals("Delivered in Pashto", TEXT.of(Reason.of(Reason.Code.DELIVERED_IN, "ps")));
        assertEquals("3.2 km away", TEXT.of(Reason.of(Reason.Code.DISTANCE, 3.24)));
        assertEquals("Can be used by phone or text, online", TEXT.of(Reason.of(Reason.Code.USABLE_REMOTELY, List.of("phone", "online"))));
        assertEquals("Helps with: Emotional wellbeing and mental health", TEXT.of(Reason.of(Reason.Code.HELPS_WITH, List.of("emotional-wellbeing"))));
        assertEquals("Designed for: Unaccompanied or formerly unaccompanied asylum-seeking young person", TEXT.of(Reason.of(Reason.Code.DESIGNED_FOR, "uasc")));
        assertEquals("No referral needed: self-referral or drop-in", TEXT.of(Reason.of(Reason.Code.NO_REFERRAL_NEEDED)));
        assertEquals("Open 24 hours, every day", TEXT.of(Reason.of(Reason.Code.OPEN_24_7)));
    }

    @Test
    void warningsSayWhatMayGetInTheWay() {
        assertEquals("Last confirmed 30 months ago (checked with the provider or dated on its source page)",
                TEXT.of(Warning.of(Warning.Code.LAST_CONFIRMED, 30L)));
        assertEquals("Usual wait about 12 weeks", TEXT.of(Warning.of(Warning.Code.USUAL_WAIT, 12)));
        assertEquals("18 km away: travel costs may need the PA's help", TEXT.of(Warning.of(Warning.Code.TRAVEL_COSTS, 17.6)));
        assertEquals("Only in English", TEXT.of(Warning.of(Warning.Code.ONLY_IN_ENGLISH)));
        assertEquals("Only in English: no Arabic or interpreter recorded", TEXT.of(Warning.of(Warning.Code.ONLY_IN_ENGLISH_NOT_LANGUAGE, "ar")));
        assertEquals("Needs a GP or other professional referral", TEXT.of(Warning.of(Warning.Code.NEEDS_PROFESSIONAL_REFERRAL)));
        assertEquals("Illustrative record: not a real service", TEXT.of(Warning.of(Warning.Code.ILLUSTRATIVE)));
    }

    @Test
    void exclusionsSayWhyAYoungPersonCannotUseAService() {
        assertEquals("Age 26 is outside 16 to 25", TEXT.of(Exclusion.of(Exclusion.Code.AGE, 26, new AgeRange(16, 25))));
        assertEquals("Does not accept people who are: currently using drugs or alcohol", TEXT.of(Exclusion.of(Exclusion.Code.EXCLUDES, "substance_use")));
        assertEquals("In person only, 12 km away (limit 10 km)", TEXT.of(Exclusion.of(Exclusion.Code.TOO_FAR, 12.3, 10.0)));
        assertEquals("Only for care leavers of E08000012, E08000014 (say which council looked after the young person)",
                TEXT.of(Exclusion.of(Exclusion.Code.HOME_AUTHORITY_NOT_GIVEN, List.of("E08000014", "E08000012"))));
        assertEquals("Only for care leavers who are former relevant or relevant",
                TEXT.of(Exclusion.of(Exclusion.Code.STATUS, List.of("relevant", "former_relevant"))));
    }

    @Test
    void everyCodeHasItsWords() {
        for (Reason.Code c : Reason.Code.values()) assertFalse(TEXT.of(new Reason(c, sample(c.params()))).isBlank(), c.toString());
        for (Warning.Code c : Warning.Code.values()) assertFalse(TEXT.of(new Warning(c, sample(c.params()))).isBlank(), c.toString());
        for (Exclusion.Code c : Exclusion.Code.values()) assertFalse(TEXT.of(new Exclusion(c, sample(c.params()))).isBlank(), c.toString());
    }

    /** A value of the right kind for each parameter. */
    private static List<Object> sample(List<String> params) {
        return params.stream().map(p -> (Object) switch (p) {
            case "needs" -> List.of("emotional-wellbeing");
            case "ways" -> List.of("phone");
            case "statuses" -> List.of("relevant");
            case "authorities" -> List.of("E08000012");
            case "km", "limit_km" -> 5.0;
            case "weeks", "age" -> 20;
            case "months" -> 30L;
            case "ages" -> new AgeRange(16, 25);
            case "language" -> "cy";
            case "circumstance" -> "uasc";
            default -> throw new AssertionError("no sample for " + p);
        }).toList();
    }
}
