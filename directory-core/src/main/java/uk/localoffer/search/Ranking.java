package uk.localoffer.search;

import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.GeoPoint;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soft ranking: each factor scores 0..1, the score is their weighted mean over the
 * factors that apply to this profile. docs/ranking.md explains each factor and weight.
 */
public final class Ranking {
    /**
     * Factor weights, and after how many months without a check a record counts as stale;
     * see docs/ranking.md before changing one.
     */
    public record Weights(double need, double distance, double threshold, double urgency, double language,
                          double careLeaver, double circumstance, double freshness, double text, int staleMonths) {
        public static final Weights DEFAULT = new Weights(0.30, 0.15, 0.15, 0.20, 0.20, 0.10, 0.05, 0.05, 0.15, 12);

        public Weights withStaleMonths(int months) {
            if (months < 1 || months > 120) throw new IllegalArgumentException("stale months must be between 1 and 120, got " + months);
            return new Weights(need, distance, threshold, urgency, language, careLeaver, circumstance, freshness, text, months);
        }
    }

    /** Distance at which an in-person service's distance score halves. */
    static final double HALF_SCORE_KM = 8.0;
    /** A service listing more needs than this counts as a generalist in the need factor. */
    static final double GENERALIST_NEEDS = 3.0;
    /** In a crisis, being reachable now counts this many times the usual urgency weight. */
    static final double CRISIS_URGENCY_MULTIPLIER = 2.0;

    private final Weights weights;
    private final Vocabulary vocabulary;

    public Ranking(Weights weights, Vocabulary vocabulary) {
        this.weights = weights;
        this.vocabulary = vocabulary;
    }

    /** One scored result before it is turned into a response. */
    public record Scored(Service service, double score, Double distanceKm, Map<String, Double> factors,
                         List<String> reasons, List<String> warnings) { }

    /** A list that drops what is added: scoring without words, for every candidate but the shown ones. */
    private static final class Discard extends java.util.AbstractList<String> {
        static final Discard INSTANCE = new Discard();

        @Override public boolean add(String s) { return true; }
        @Override public String get(int i) { throw new IndexOutOfBoundsException(i); }
        @Override public int size() { return 0; }
    }

    Scored score(Service s, GeoPoint servicePlace, boolean placeApproximate, Profile p, Place place, double textScore, LocalDate today) {
        return score(s, servicePlace, placeApproximate, p, place, textScore, today, true);
    }

    /** With {@code withWords} false only the score and factors are computed (the same numbers), no reasons or warnings. */
    Scored score(Service s, GeoPoint servicePlace, boolean placeApproximate, Profile p, Place place, double textScore, LocalDate today, boolean withWords) {
        Factors f = new Factors(withWords, p.urgency() == Urgency.CRISIS);
        List<String> reasons = withWords ? new ArrayList<>() : Discard.INSTANCE, warnings = withWords ? new ArrayList<>() : Discard.INSTANCE;

        // need
        if (!p.needs().isEmpty()) {
            double got = 0, want = 0;
            List<String> met = new ArrayList<>();
            for (var e : p.needs().entrySet()) {
                want += e.getValue();
                double m = needMatch(s, e.getKey());
                got += e.getValue() * m;
                if (withWords && m > 0) met.add(vocabulary.label("need", e.getKey(), "en"));
            }
            // A service that lists many needs is a generalist: it meets a need less squarely than a specialist.
            double v = (want == 0 ? 0 : got / want) * (0.6 + 0.4 * Math.min(1.0, GENERALIST_NEEDS / s.needs().size()));
            f.put("need", v);
            if (withWords && !met.isEmpty()) reasons.add("Helps with: " + String.join(", ", met));
        }

        // distance
        Double km = place == null || servicePlace == null ? null : servicePlace.distanceKm(place.point());
        boolean remoteOk = s.isRemote() && p.acceptsRemote();
        if (place != null) {
            double v;
            if (remoteOk) {
                v = 1.0;
                if (withWords) reasons.add("Can be used " + remoteWays(s));
            } else if (km != null) {
                v = Math.pow(0.5, km / HALF_SCORE_KM);
                if (withWords) reasons.add(String.format(Locale.ROOT, "%.1f km away", km));
                if (withWords && km > 15) warnings.add(String.format(Locale.ROOT, "%.0f km away: travel costs may need the PA's help", km));
            } else {
                v = 0.3;
                warnings.add("Where it is delivered is not recorded");
            }
            if (placeApproximate && !remoteOk && km != null) warnings.add("Exact place not recorded: distance is from the authority's centre");
            f.put("distance", v);
        }

        // threshold and wait
        String th = s.access().threshold();
        double tv = switch (th == null ? "" : th) {
            case "self_referral" -> 1.0;
            case "pa_referral" -> 0.85;
            case "professional_referral" -> 0.45;
            case "clinical_assessment" -> 0.2;
            default -> 0.5;
        };
        if (th == null) warnings.add("How to get in is not recorded");
        else if (th.equals("self_referral")) reasons.add("No referral needed: self-referral or drop-in");
        else if (th.equals("pa_referral")) reasons.add("The PA can refer");
        else if (th.equals("professional_referral")) warnings.add("Needs a GP or other professional referral");
        else if (th.equals("clinical_assessment")) warnings.add("Needs a clinical assessment or diagnosis");
        Integer wait = s.access().waitWeeks();
        if (wait != null && wait > 0) {
            tv *= 1.0 - Math.min(0.5, wait / 26.0);
            if (withWords && wait >= 4) warnings.add("Usual wait about " + wait + " weeks");
        }
        f.put("threshold", tv);

        // urgency: a crisis needs someone who answers now
        if (p.urgency() != Urgency.ROUTINE) {
            double uv;
            if (s.hours().open24x7()) { uv = 1.0; reasons.add("Open 24 hours, every day"); }
            else if (s.hours().outOfHours()) { uv = 0.7; reasons.add("Answers out of hours"); }
            else uv = th != null && th.equals("self_referral") && (wait == null || wait == 0) ? 0.3 : 0.1;
            if (p.urgency() == Urgency.SOON) uv = Math.max(uv, wait == null || wait <= 1 ? 0.6 : 0.2);
            f.put("urgency", uv);
        }

        // language
        List<String> wanted = p.languages().stream().filter(l -> !l.equals("en")).toList();
        if (!wanted.isEmpty()) {
            double lv = 0;
            for (int i = 0; i < wanted.size(); i++) {
                String lang = wanted.get(i);
                double rankFactor = 1.0 - 0.1 * i;
                double m;
                if (lang.equals("cy") && s.languages().welsh() == LanguageSupport.WelshProvision.ACTIVE_OFFER) m = 1.0;
                else if (lang.equals("cy") && s.languages().welsh() == LanguageSupport.WelshProvision.ON_REQUEST) m = 0.85;
                else if (s.languages().languages().contains(lang)) m = 1.0;
                else if (s.languages().interpreter()) m = 0.6;
                else m = p.englishOk() ? 0.3 : 0.0;
                lv = Math.max(lv, m * rankFactor);
            }
            String first = wanted.get(0);
            if (!withWords) { /* words only for the shown results */ }
            else if (s.languages().deliversIn(first)) reasons.add("Delivered in " + languageName(first));
            else if (s.languages().interpreter()) reasons.add("Interpreters available");
            else warnings.add("Only in English" + (p.englishOk() ? "" : ": no " + languageName(first) + " or interpreter recorded"));
            f.put("language", lv);
        }

        // care-leaver-specific
        f.put("care_leaver", s.careLeaverSpecific() ? 1.0 : 0.0);
        if (s.careLeaverSpecific()) reasons.add("Meant for care leavers");

        // circumstances the service is designed for
        if (!p.circumstances().isEmpty()) {
            boolean designedFor = false;
            for (String c : s.circumstances()) designedFor |= p.circumstances().contains(c);
            f.put("circumstance", designedFor ? 1.0 : 0.0);
            List<String> shared = withWords ? s.circumstances().stream().filter(p.circumstances()::contains).sorted().toList() : List.of();
            if (withWords) for (String c : shared) reasons.add("Designed for: " + vocabulary.label("circumstance", c, "en"));
        }

        // freshness
        LocalDate checked = s.provenance().lastVerified();
        double fv;
        if (checked == null) {
            fv = 0.4;
            warnings.add("Not yet checked with the provider");
        } else {
            long months = ChronoUnit.MONTHS.between(checked, today);
            int stale = weights.staleMonths();
            fv = months <= stale ? 1.0 : months <= 2L * stale ? 0.5 : 0.2;
            if (withWords && months > stale) warnings.add("Last checked " + months + " months ago");
        }
        f.put("freshness", fv);

        if (p.text() != null && !p.text().isBlank()) f.put("text", textScore);
        if (s.provenance().illustrative()) warnings.add("Illustrative record: not a real service");

        return new Scored(s, f.score(), km, f.byName == null ? Map.of() : f.byName, withWords ? reasons : List.of(), withWords ? warnings : List.of());
    }

    /** The factors of one score, summed as they are given; named only when the words are wanted. */
    private final class Factors {
        final Map<String, Double> byName;
        final boolean crisis;
        double total, weightSum;

        Factors(boolean named, boolean crisis) {
            this.byName = named ? new LinkedHashMap<>() : null;
            this.crisis = crisis;
        }

        void put(String factor, double value) {
            double w = weight(factor);
            if (crisis && factor.equals("urgency")) w *= CRISIS_URGENCY_MULTIPLIER;
            total += w * value;
            weightSum += w;
            if (byName != null) byName.put(factor, value);
        }

        double score() { return weightSum == 0 ? 0 : total / weightSum; }
    }

    private double weight(String factor) {
        return switch (factor) {
            case "need" -> weights.need();
            case "distance" -> weights.distance();
            case "threshold" -> weights.threshold();
            case "urgency" -> weights.urgency();
            case "language" -> weights.language();
            case "care_leaver" -> weights.careLeaver();
            case "circumstance" -> weights.circumstance();
            case "freshness" -> weights.freshness();
            case "text" -> weights.text();
            default -> throw new IllegalArgumentException(factor);
        };
    }

    /** 1 for the exact need, 0.6 for its parent area or one of its finer needs, 0.3 for another need in the same area. */
    double needMatch(Service s, String need) {
        if (s.needs().contains(need)) return 1.0;
        String area = vocabulary.areaOf(need);
        if (!area.equals(need) && s.needs().contains(area)) return 0.6;
        for (String child : vocabulary.needAndChildren(need)) if (s.needs().contains(child)) return 0.6;
        // A sibling in the same local-offer area (homelessness and supported housing) helps a little.
        if (!area.equals(need)) for (String sibling : vocabulary.needAndChildren(area)) if (s.needs().contains(sibling)) return 0.3;
        return 0.0;
    }

    private static String remoteWays(Service s) {
        List<String> ways = new ArrayList<>();
        if (s.delivery().contains(Delivery.PHONE)) ways.add("by phone or text");
        if (s.delivery().contains(Delivery.ONLINE)) ways.add("online");
        if (s.delivery().contains(Delivery.HOME_VISIT)) ways.add("with visits to you");
        return String.join(", ", ways);
    }

    static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK);
        return name.isBlank() || name.equals(code) ? code : name;
    }
}
