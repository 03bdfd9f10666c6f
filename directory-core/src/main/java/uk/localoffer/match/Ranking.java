package uk.localoffer.match;

import uk.localoffer.domain.AccessCost;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Freshness;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Place;
import uk.localoffer.index.ServiceFacts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static uk.localoffer.match.Factor.*;

/**
 * The soft ranking: each {@link Factor} scores 0..1, the score is their weighted mean over the
 * factors that apply to this profile (docs/ranking.md). This is the full score, with the
 * reasons and warnings a PA reads; {@link #prepare} gives the same numbers fast, without words.
 */
public final class Ranking {
    private final Weights weights;
    private final Vocabulary vocabulary;

    public Ranking(Weights weights, Vocabulary vocabulary) {
        this.weights = weights;
        this.vocabulary = vocabulary;
    }

    /** One scored result before it is turned into a response. */
    public record Scored(Service service, double score, Double distanceKm, Map<Factor, Double> factors,
                         List<Reason> reasons, List<Warning> warnings) { }

    /** The reasons and warnings of one score, collected only when they are wanted. */
    private static final class Words {
        final List<Reason> reasons;
        final List<Warning> warnings;

        Words(boolean wanted) {
            reasons = wanted ? new ArrayList<>() : null;
            warnings = wanted ? new ArrayList<>() : null;
        }

        void reason(Reason.Code code, Object... values) { if (reasons != null) reasons.add(Reason.of(code, values)); }

        void warning(Warning.Code code, Object... values) { if (warnings != null) warnings.add(Warning.of(code, values)); }
    }

    /** With {@code withWords} false only the score and factors are computed (the same numbers), no reasons or warnings. */
    public Scored score(Service s, GeoPoint servicePlace, boolean placeApproximate, Profile p, Place place, double textScore,
                        LocalDate today, boolean withWords) {
        ScoreSum sum = new ScoreSum(weights, p.urgency() == Urgency.CRISIS, withWords);
        Words words = new Words(withWords);
        if (!p.needs().isEmpty()) need(s, p, sum, words);
        Double km = place == null || servicePlace == null ? null : servicePlace.distanceKm(place.point());
        if (place != null) distance(s, p, km, placeApproximate, sum, words);
        threshold(s, sum, words);
        if (p.urgency() != Urgency.ROUTINE) urgency(s, p, sum, words);
        List<String> wanted = p.wantedLanguages();
        if (!wanted.isEmpty()) language(s, p, wanted, sum, words);
        sum.add(CARE_LEAVER, s.careLeaverSpecific() ? 1.0 : 0.0);
        if (s.careLeaverSpecific()) words.reason(Reason.Code.MEANT_FOR_CARE_LEAVERS);
        if (!p.circumstances().isEmpty()) circumstance(s, p, sum, words);
        int edge = ageEdge(p.age());
        if (edge > 0) {
            Integer max = s.eligibility().ages().max();
            sum.add(AGE_EDGE, ageEdgeValue(p.age(), edge, max == null ? ServiceFacts.NO_AGE_LIMIT : Math.min(max, ServiceFacts.NO_AGE_LIMIT - 1)));
        }
        if (p.age() != null && p.age() >= 17 && s.eligibility().ages().max() != null && s.eligibility().ages().max() - p.age() <= 1)
            words.warning(Warning.Code.ENDS_SOON, s.eligibility().ages().max());
        if (!s.circumstances().isEmpty() && s.circumstances().stream().noneMatch(p.circumstances()::contains))
            words.warning(Warning.Code.FOR_GROUP, s.circumstances());
        freshness(s, today, sum, words);
        if (p.hasText()) sum.add(TEXT, textScore);
        if (s.accessCost() != null)
            words.warning(s.accessCost().payer() == AccessCost.Payer.AUTHORITY ? Warning.Code.AUTHORITY_PAYS : Warning.Code.CHARGES);
        if (s.provenance().illustrative()) words.warning(Warning.Code.ILLUSTRATIVE);
        return new Scored(s, sum.score(), km, sum.values(), withWords ? words.reasons : List.of(), withWords ? words.warnings : List.of());
    }

    /**
     * Reasons in the record's own needs: a need it lists that is the one asked for (or a finer one) helps; where it lists
     * none for an asked need, the ones it lists beside it in the same local-offer area are related.
     */
    private void need(Service s, Profile p, ScoreSum sum, Words words) {
        double got = 0, want = 0;
        Set<String> helps = new LinkedHashSet<>(), related = new LinkedHashSet<>();
        for (var e : p.needs().entrySet()) {
            want += e.getValue();
            Map<String, Double> tiers = needTiers(e.getKey(), vocabulary);
            got += e.getValue() * needMatch(s.needs(), tiers);
            List<String> own = s.needs().stream().filter(tiers::containsKey).sorted().toList();
            List<String> direct = own.stream().filter(n -> meets(n, e.getKey(), vocabulary)).toList();
            if (!direct.isEmpty()) helps.addAll(direct);
            else related.addAll(own);
        }
        sum.add(NEED, needValue(got, want, s.needs().size()));
        for (String need : helps) words.reason(Reason.Code.NEED, need);
        for (String need : related) if (!helps.contains(need)) words.reason(Reason.Code.RELATED_NEED, need);
    }

    private static void distance(Service s, Profile p, Double km, boolean placeApproximate, ScoreSum sum, Words words) {
        boolean remoteOk = s.isRemote() && p.acceptsRemote();
        double v;
        if (remoteOk) {
            v = 1.0;
            words.reason(Reason.Code.USABLE_REMOTELY, remoteWays(s));
        } else if (km != null) {
            v = distanceValue(km);
            words.reason(Reason.Code.DISTANCE, km);
            if (km > 15) words.warning(Warning.Code.TRAVEL_COSTS, km);
        } else {
            v = PLACE_UNKNOWN;
            words.warning(Warning.Code.PLACE_NOT_RECORDED);
        }
        if (placeApproximate && !remoteOk && km != null) words.warning(Warning.Code.PLACE_APPROXIMATE);
        sum.add(DISTANCE, v);
    }

    /** The delivery codes by which a service can be used without travelling, in a fixed order. */
    private static List<String> remoteWays(Service s) {
        List<String> ways = new ArrayList<>();
        for (Delivery d : List.of(Delivery.PHONE, Delivery.ONLINE, Delivery.HOME_VISIT)) if (s.delivery().contains(d)) ways.add(d.code());
        return ways;
    }

    private static void threshold(Service s, ScoreSum sum, Words words) {
        String th = s.access().threshold();
        if (th == null) words.warning(Warning.Code.ACCESS_NOT_RECORDED);
        else if (th.equals("self_referral")) words.reason(Reason.Code.NO_REFERRAL_NEEDED);
        else if (th.equals("pa_referral")) words.reason(Reason.Code.PA_CAN_REFER);
        else if (th.equals("professional_referral")) words.warning(Warning.Code.NEEDS_PROFESSIONAL_REFERRAL);
        else if (th.equals("clinical_assessment")) words.warning(Warning.Code.NEEDS_CLINICAL_ASSESSMENT);
        Integer wait = s.access().waitWeeks();
        if (wait != null && wait >= 4) words.warning(Warning.Code.USUAL_WAIT, wait);
        sum.add(THRESHOLD, thresholdValue(th, wait));
    }

    /** A crisis needs someone who answers now. */
    private static void urgency(Service s, Profile p, ScoreSum sum, Words words) {
        if (s.hours().open24x7()) words.reason(Reason.Code.OPEN_24_7);
        else if (s.hours().outOfHours()) words.reason(Reason.Code.ANSWERS_OUT_OF_HOURS);
        else if (p.urgency() == Urgency.CRISIS) words.warning(Warning.Code.OFFICE_HOURS_ONLY);
        sum.add(URGENCY, urgencyValue(s.hours().open24x7(), s.hours().outOfHours(), s.access().quickSelfReferral(),
                s.access().shortWait(), p.urgency()));
    }

    private static void language(Service s, Profile p, List<String> wanted, ScoreSum sum, Words words) {
        var l = s.languages();
        String first = wanted.get(0);
        if (l.deliversIn(first)) words.reason(Reason.Code.DELIVERED_IN, first);
        else if (l.interpreter()) words.reason(Reason.Code.INTERPRETERS);
        else if (p.englishOk()) words.warning(Warning.Code.ONLY_IN_ENGLISH);
        else words.warning(Warning.Code.ONLY_IN_ENGLISH_NOT_LANGUAGE, first);
        sum.add(LANGUAGE, languageValue(wanted, l.welsh(), l.languages(), l.interpreter(), p.englishOk()));
    }

    /** Services designed for one of the young person's circumstances. */
    private static void circumstance(Service s, Profile p, ScoreSum sum, Words words) {
        boolean designedFor = false;
        for (String c : s.circumstances()) designedFor |= p.circumstances().contains(c);
        sum.add(CIRCUMSTANCE, designedFor ? 1.0 : 0.0);
        for (String c : s.circumstances().stream().filter(p.circumstances()::contains).sorted().toList())
            words.reason(Reason.Code.DESIGNED_FOR, c);
    }

    private void freshness(Service s, LocalDate today, ScoreSum sum, Words words) {
        LocalDate checked = Freshness.assuredDay(s);
        if (checked == null) {
            sum.add(FRESHNESS, freshnessValue(false, false, false));
            words.warning(Warning.Code.NEVER_CHECKED);
            return;
        }
        long months = ChronoUnit.MONTHS.between(checked, today);
        int stale = weights.staleMonths();
        sum.add(FRESHNESS, freshnessValue(true, months <= stale, months <= 2L * stale));
        if (checked.equals(Freshness.OUT_OF_DATE)) words.warning(Warning.Code.SOURCE_OUT_OF_DATE);
        else if (months > stale) words.warning(Warning.Code.LAST_CONFIRMED, months);
    }

    /** The ranking of one profile at one place, ready to score many services fast. */
    public PreparedRanking prepare(Profile p, Place place, LocalDate today, ServiceFacts facts) {
        return new PreparedRanking(weights, vocabulary, p, place, today, facts);
    }
}
