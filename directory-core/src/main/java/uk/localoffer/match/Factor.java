package uk.localoffer.match;

import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.index.ServiceFacts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The soft ranking factors (docs/ranking.md), in the order every score adds them up: each with
 * its name in answers, its weight, and how it scores from 0 to 1. Both the full score (with
 * reasons and warnings) and the fast one read their weights and values from here.
 */
public enum Factor {
    NEED("need", Weights::need),
    DISTANCE("distance", Weights::distance),
    THRESHOLD("threshold", Weights::threshold),
    URGENCY("urgency", Weights::urgency),
    LANGUAGE("language", Weights::language),
    CARE_LEAVER("care_leaver", Weights::careLeaver),
    CIRCUMSTANCE("circumstance", Weights::circumstance),
    AGE_EDGE("age_edge", Weights::ageEdge),
    FRESHNESS("freshness", Weights::freshness),
    TEXT("text", Weights::text);

    /** Distance at which an in-person service's distance score halves. */
    static final double HALF_SCORE_KM = 8.0;
    /** A service listing more needs than this counts as a generalist in the need factor. */
    static final double GENERALIST_NEEDS = 3.0;
    /** In a crisis, being reachable now counts this many times the usual urgency weight. */
    static final double CRISIS_URGENCY_MULTIPLIER = 2.0;
    /** The distance factor of a service whose place is not known. */
    static final double PLACE_UNKNOWN = 0.3;

    private final String code;
    private final ToDoubleFunction<Weights> weight;

    Factor(String code, ToDoubleFunction<Weights> weight) {
        this.code = code;
        this.weight = weight;
    }

    /** The factor's name in answers ("care_leaver"). */
    public String code() { return code; }

    /** Its weight; urgency's is multiplied in a crisis. */
    double weight(Weights w, boolean crisis) {
        double v = weight.applyAsDouble(w);
        if (crisis && this == URGENCY) v *= CRISIS_URGENCY_MULTIPLIER;
        return v;
    }

    /** The need factor: how much of what is wanted is met, less for a generalist that lists many needs. */
    static double needValue(double got, double want, int needCount) {
        return (want == 0 ? 0 : got / want) * (0.6 + 0.4 * Math.min(1.0, GENERALIST_NEEDS / needCount));
    }

    /** A need a service lists meets one asked for directly: it is that need, or a finer need of the area asked for. */
    static boolean meets(String listed, String asked, Vocabulary vocabulary) {
        return listed.equals(asked) || asked.equals(vocabulary.areaOf(listed));
    }

    /** 1 for the exact need, 0.6 for its parent area or one of its finer needs, 0.3 for another need in the same area. */
    static Map<String, Double> needTiers(String need, Vocabulary vocabulary) {
        Map<String, Double> tiers = new HashMap<>();
        String area = vocabulary.areaOf(need);
        // A sibling in the same local-offer area (homelessness and supported housing) helps a little.
        if (!area.equals(need)) for (String sibling : vocabulary.needAndChildren(area)) tiers.put(sibling, 0.3);
        for (String child : vocabulary.needAndChildren(need)) tiers.put(child, 0.6);
        if (!area.equals(need)) tiers.put(area, 0.6);
        tiers.put(need, 1.0);
        return tiers;
    }

    /** How squarely a service listing {@code needs} meets one need: its best code in {@link #needTiers}. */
    static double needMatch(Set<String> needs, Map<String, Double> tiers) {
        double m = 0;
        for (String code : needs) m = Math.max(m, tiers.getOrDefault(code, 0.0));
        return m;
    }

    /** The distance factor of an in-person service {@code km} away. */
    static double distanceValue(double km) {
        return Math.pow(0.5, km / HALF_SCORE_KM);
    }

    /** The threshold-and-wait factor: lower thresholds score higher, a long wait up to half less. */
    static double thresholdValue(String threshold, Integer waitWeeks) {
        double tv = switch (threshold == null ? "" : threshold) {
            case "self_referral" -> 1.0;
            case "pa_referral" -> 0.85;
            case "professional_referral" -> 0.45;
            case "clinical_assessment" -> 0.2;
            default -> 0.5;
        };
        if (waitWeeks != null && waitWeeks > 0) tv *= 1.0 - Math.min(0.5, waitWeeks / 26.0);
        return tv;
    }

    /** Urgency: a crisis needs someone who answers now; soon, someone without a long wait. */
    static double urgencyValue(boolean open24, boolean outOfHours, boolean quickSelfReferral, boolean shortWait, Urgency urgency) {
        double uv = open24 ? 1.0 : outOfHours ? 0.7 : quickSelfReferral ? 0.3 : 0.1;
        return urgency == Urgency.SOON ? Math.max(uv, shortWait ? 0.6 : 0.2) : uv;
    }

    /** The best of the wanted languages (non-English, most preferred first, each later one counting 10% less). */
    static double languageValue(List<String> wanted, LanguageSupport.WelshProvision welsh, Set<String> languages, boolean interpreter, boolean englishOk) {
        double lv = 0;
        for (int i = 0; i < wanted.size(); i++) {
            String lang = wanted.get(i);
            double m;
            if (lang.equals("cy") && welsh == LanguageSupport.WelshProvision.ACTIVE_OFFER) m = 1.0;
            else if (lang.equals("cy") && welsh == LanguageSupport.WelshProvision.ON_REQUEST) m = 0.85;
            else if (languages.contains(lang)) m = 1.0;
            else if (interpreter) m = 0.6;
            else m = englishOk ? 0.3 : 0.0;
            lv = Math.max(lv, m * (1.0 - 0.1 * i));
        }
        return lv;
    }

    /**
     * The birthday a young person of {@code age} is about to lose support at, when they are at an age edge: 18 for a
     * 17-year-old (children's services end), 26 at 24 and 25 (support past 25, when leaving care support ends); else 0.
     */
    static int ageEdge(Integer age) {
        if (age == null) return 0;
        if (age == 17) return 18;
        return age == 24 || age == 25 ? 26 : 0;
    }

    /**
     * At an age edge: 1 for a service that carries on past it, 0 for one that ends at the next birthday, 0.5 for one
     * that lasts beyond the next birthday but not past the edge, and 0.5 when no upper age is recorded (whether it
     * carries on is not known).
     *
     * @param ageMax the oldest age the service takes, {@link uk.localoffer.index.ServiceFacts#NO_AGE_LIMIT} when none
     */
    static double ageEdgeValue(int age, int edge, int ageMax) {
        if (ageMax == ServiceFacts.NO_AGE_LIMIT) return 0.5;
        return ageMax >= edge ? 1.0 : ageMax > age ? 0.5 : 0.0;
    }

    /** Freshness: checked within the stale limit, within twice it, longer ago, or never. */
    static double freshnessValue(boolean checked, boolean withinStale, boolean withinTwiceStale) {
        return !checked ? 0.4 : withinStale ? 1.0 : withinTwiceStale ? 0.5 : 0.2;
    }
}
