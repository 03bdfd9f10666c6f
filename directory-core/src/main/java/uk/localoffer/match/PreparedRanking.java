package uk.localoffer.match;

import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Place;
import uk.localoffer.index.ServiceFacts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static uk.localoffer.match.Factor.*;

/**
 * The same score as {@link Ranking#score} (the same factors, added in the same order, so equal
 * to the last bit), read from {@link ServiceFacts} with nothing allocated per service: the
 * matcher ranks every eligible service with this and writes words for the shown ones only.
 * One instance serves one match, on one thread.
 */
public final class PreparedRanking {
    private final Profile p;
    private final Place place;
    private final boolean remoteAccepted, hasText;
    private final List<String> wanted;
    private final int freshFrom, agingFrom;
    private final ScoreSum sum;
    /** The threshold-and-wait factor of each access kind of the facts. */
    private final double[] thresholdByKind;
    /** The need factor of each distinct set of need codes (NaN until first met). */
    private final double[] needBySet;
    /** For each need in the profile's order: how squarely each code meets it (as {@link Factor#needMatch}). */
    private final List<Map<String, Double>> needTiers = new ArrayList<>();
    /** The language factor by (language set, Welsh provision, interpreter), NaN until first met. */
    private double[] languageBy = new double[0];
    /** Whether each distinct set of circumstances includes one of the young person's: 0 not yet known, 1 yes, 2 no. */
    private final byte[] designedFor;
    /** Whether each distinct set of circumstances names groups and none of the young person's: 0 not yet known, 1 yes, 2 no. */
    private final byte[] forOthers;
    private final boolean crisis, languageNeeded;
    /** Whether each distinct set of need codes meets a need asked for directly: 0 not yet known, 1 yes, 2 no. */
    private final byte[] directBySet;
    private final Vocabulary vocabulary;
    /** The age edge the young person is at ({@link Factor#ageEdge}); 0 when none. */
    private final int edge;
    /** Whether each need code a service lists meets a need asked for directly ({@link Factor#meets}), as first asked. */
    private final Map<String, Boolean> meetsByCode = new HashMap<>();
    /** For {@link #roughly}: the weights of the need, threshold and care-leaver factors, and of every factor that applies. */
    private final double needWeight, thresholdWeight, careLeaverWeight, weightSum;

    PreparedRanking(Weights weights, Vocabulary vocabulary, Profile p, Place place, LocalDate today, ServiceFacts f) {
        this.p = p;
        this.place = place;
        remoteAccepted = p.acceptsRemote();
        hasText = p.hasText();
        wanted = p.wantedLanguages();
        sum = new ScoreSum(weights, p.urgency() == Urgency.CRISIS, false);
        freshFrom = firstDayWithin(today, weights.staleMonths());
        agingFrom = firstDayWithin(today, 2 * weights.staleMonths());
        thresholdByKind = f.accessKinds().stream().mapToDouble(a -> thresholdValue(a.threshold(), a.waitWeeks())).toArray();
        for (String need : p.needs().keySet()) needTiers.add(Factor.needTiers(need, vocabulary));
        needBySet = new double[f.needSets().size()];
        Arrays.fill(needBySet, Double.NaN);
        designedFor = new byte[f.circumstanceSets().size()];
        forOthers = new byte[f.circumstanceSets().size()];
        crisis = p.urgency() == Urgency.CRISIS;
        languageNeeded = !p.englishOk() && !wanted.isEmpty();
        edge = ageEdge(p.age());
        directBySet = new byte[f.needSets().size()];
        this.vocabulary = vocabulary;
        needWeight = p.needs().isEmpty() ? 0 : sum.weight(NEED);
        thresholdWeight = sum.weight(THRESHOLD);
        careLeaverWeight = sum.weight(CARE_LEAVER);
        // Every factor that applies to this profile, each at its best: the sum of the weights a score divides by.
        sum.clear();
        if (!p.needs().isEmpty()) sum.add(NEED, 1);
        if (place != null) sum.add(DISTANCE, 1);
        sum.add(THRESHOLD, 1);
        if (p.urgency() != Urgency.ROUTINE) sum.add(URGENCY, 1);
        if (!wanted.isEmpty()) sum.add(LANGUAGE, 1);
        sum.add(CARE_LEAVER, 1);
        if (!p.circumstances().isEmpty()) sum.add(CIRCUMSTANCE, 1);
        if (edge > 0) sum.add(AGE_EDGE, 1);
        sum.add(FRESHNESS, 1);
        if (hasText) sum.add(TEXT, 1);
        weightSum = sum.weightSum();
    }

    /**
     * At least the score, never less, and cheaper still than {@link #atMost}: three facts read (the
     * need, the threshold and wait, care leavers or not), every other factor taken at its best (1),
     * and a margin far above any rounding. Most services that cannot reach the shown list are passed
     * over on this alone.
     */
    public double roughly(ServiceFacts f, int ord) {
        if (weightSum == 0) return Double.MAX_VALUE;
        double known = needWeight * (needWeight == 0 ? 0 : need(f, ord)) + thresholdWeight * thresholdByKind[f.accessKind(ord)]
                + careLeaverWeight * (f.has(ord, ServiceFacts.CARE_LEAVER) ? 1.0 : 0.0);
        return (known + (weightSum - needWeight - thresholdWeight - careLeaverWeight)) / weightSum + 1e-9;
    }

    /**
     * In a crisis, for a service that meets a need asked for directly ({@link Factor#meets}): 0 when it is open 24/7, 1
     * when it answers out of hours; 2 for the rest (office hours, or only a need beside the one asked for). Else 0.
     */
    public int tier(ServiceFacts f, int ord) {
        if (!crisis) return 0;
        if (!meetsDirectly(f, ord)) return 2;
        return f.has(ord, ServiceFacts.OPEN_24) ? 0 : f.has(ord, ServiceFacts.OUT_OF_HOURS) ? 1 : 2;
    }

    private boolean meetsDirectly(ServiceFacts f, int ord) {
        int set = f.needSet(ord);
        if (directBySet[set] == 0) {
            boolean direct = p.needs().isEmpty();
            for (String listed : f.needSets().get(set)) direct |= meetsByCode.computeIfAbsent(listed, code -> {
                for (String asked : p.needs().keySet()) if (meets(code, asked, vocabulary)) return true;
                return false;
            });
            directBySet[set] = (byte) (direct ? 1 : 2);
        }
        return directBySet[set] == 1;
    }

    /** The service is meant for groups (LGBTQ+, young parents, UASC ...) and the young person is in none of them. */
    public boolean forOthers(ServiceFacts f, int ord) {
        int set = f.circumstanceSet(ord);
        if (forOthers[set] == 0) {
            Set<String> groups = f.circumstanceSets().get(set);
            boolean theirs = false;
            for (String c : groups) theirs |= p.circumstances().contains(c);
            forOthers[set] = (byte) (!groups.isEmpty() && !theirs ? 1 : 2);
        }
        return forOthers[set] == 1;
    }

    /** False when English is not usable and the service is neither delivered in one of their languages nor offers an interpreter. */
    public boolean inAUsableLanguage(ServiceFacts f, int ord) {
        return !languageNeeded || language(f, ord) > 0;
    }

    private static double[] growNaN(double[] a, int atLeast) {
        double[] b = Arrays.copyOf(a, Math.max(atLeast, 2 * a.length));
        Arrays.fill(b, a.length, b.length, Double.NaN);
        return b;
    }

    /** The earliest check date at most {@code months} whole months before today (months only shrink as the date nears). */
    private static int firstDayWithin(LocalDate today, int months) {
        long lo = today.minusMonths(months + 1L).toEpochDay(), hi = today.toEpochDay();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (ChronoUnit.MONTHS.between(LocalDate.ofEpochDay(mid), today) <= months) hi = mid; else lo = mid + 1;
        }
        return (int) lo;
    }

    public double score(ServiceFacts f, GeoPoint servicePlace, int ord, double textScore) {
        return score(f, servicePlace, ord, textScore, false);
    }

    /**
     * At least the score, never less: the score as if the service were on the doorstep. Cheaper (no
     * great-circle distance), so a service that cannot reach the shown list is passed over.
     */
    public double atMost(ServiceFacts f, GeoPoint servicePlace, int ord, double textScore) {
        return score(f, servicePlace, ord, textScore, true);
    }

    private double score(ServiceFacts f, GeoPoint servicePlace, int ord, double textScore, boolean nearest) {
        sum.clear();
        if (!p.needs().isEmpty()) sum.add(NEED, need(f, ord));
        if (place != null) {
            double v;
            if (f.has(ord, ServiceFacts.REMOTE) && remoteAccepted) v = 1.0;
            else if (servicePlace != null) v = nearest ? 1.0 : distanceValue(servicePlace.distanceKm(place.point()));
            else v = PLACE_UNKNOWN;
            sum.add(DISTANCE, v);
        }
        sum.add(THRESHOLD, thresholdByKind[f.accessKind(ord)]);
        if (p.urgency() != Urgency.ROUTINE)
            sum.add(URGENCY, urgencyValue(f.has(ord, ServiceFacts.OPEN_24), f.has(ord, ServiceFacts.OUT_OF_HOURS),
                    f.has(ord, ServiceFacts.QUICK_SELF_REFERRAL), f.has(ord, ServiceFacts.SHORT_WAIT), p.urgency()));
        if (!wanted.isEmpty()) sum.add(LANGUAGE, language(f, ord));
        sum.add(CARE_LEAVER, f.has(ord, ServiceFacts.CARE_LEAVER) ? 1.0 : 0.0);
        if (!p.circumstances().isEmpty()) sum.add(CIRCUMSTANCE, designedFor(f, ord) ? 1.0 : 0.0);
        if (edge > 0) sum.add(AGE_EDGE, ageEdgeValue(p.age(), edge, f.ageMax(ord)));
        int checked = f.verified(ord);
        sum.add(FRESHNESS, freshnessValue(checked != Integer.MIN_VALUE, checked >= freshFrom, checked >= agingFrom));
        if (hasText) sum.add(TEXT, textScore);
        return sum.score();
    }

    private double need(ServiceFacts f, int ord) {
        int codes = f.needSet(ord);
        double v = needBySet[codes];
        if (Double.isNaN(v)) {
            Set<String> set = f.needSets().get(codes);
            double got = 0, want = 0;
            int k = 0;
            for (var e : p.needs().entrySet()) {
                want += e.getValue();
                got += e.getValue() * needMatch(set, needTiers.get(k++));
            }
            v = needValue(got, want, set.size());
            needBySet[codes] = v;
        }
        return v;
    }

    private double language(ServiceFacts f, int ord) {
        LanguageSupport.WelshProvision welsh = f.welsh(ord);
        boolean interpreter = f.has(ord, ServiceFacts.INTERPRETER);
        int key = (f.languageSet(ord) * 4 + welsh.ordinal()) * 2 + (interpreter ? 1 : 0);
        if (key >= languageBy.length) languageBy = growNaN(languageBy, key + 1);
        double lv = languageBy[key];
        if (Double.isNaN(lv)) {
            lv = languageValue(wanted, welsh, f.languageSets().get(f.languageSet(ord)), interpreter, p.englishOk());
            languageBy[key] = lv;
        }
        return lv;
    }

    private boolean designedFor(ServiceFacts f, int ord) {
        int set = f.circumstanceSet(ord);
        if (designedFor[set] == 0) {
            boolean any = false;
            for (String c : f.circumstanceSets().get(set)) any |= p.circumstances().contains(c);
            designedFor[set] = (byte) (any ? 1 : 2);
        }
        return designedFor[set] == 1;
    }
}
