package uk.localoffer.search;

import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.domain.GeoPoint;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        public static final Weights DEFAULT = new Weights(0.30, 0.15, 0.15, 0.20, 0.20, 0.10, 0.05, 0.05, 0.15, uk.localoffer.domain.Freshness.OLD_MONTHS);

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
                double m = needMatch(s.needs(), needTiers(e.getKey()));
                got += e.getValue() * m;
                if (withWords && m > 0) met.add(vocabulary.label("need", e.getKey(), "en"));
            }
            f.put("need", needValue(got, want, s.needs().size()));
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
        double tv = thresholdValue(th, s.access().waitWeeks());
        if (th == null) warnings.add("How to get in is not recorded");
        else if (th.equals("self_referral")) reasons.add("No referral needed: self-referral or drop-in");
        else if (th.equals("pa_referral")) reasons.add("The PA can refer");
        else if (th.equals("professional_referral")) warnings.add("Needs a GP or other professional referral");
        else if (th.equals("clinical_assessment")) warnings.add("Needs a clinical assessment or diagnosis");
        Integer wait = s.access().waitWeeks();
        if (withWords && wait != null && wait >= 4) warnings.add("Usual wait about " + wait + " weeks");
        f.put("threshold", tv);

        // urgency: a crisis needs someone who answers now
        if (p.urgency() != Urgency.ROUTINE) {
            if (s.hours().open24x7()) reasons.add("Open 24 hours, every day");
            else if (s.hours().outOfHours()) reasons.add("Answers out of hours");
            f.put("urgency", urgencyValue(s.hours().open24x7(), s.hours().outOfHours(), quickSelfReferral(s.access()), shortWait(wait), p.urgency()));
        }

        // language
        List<String> wanted = p.languages().stream().filter(l -> !l.equals("en")).toList();
        if (!wanted.isEmpty()) {
            LanguageSupport l = s.languages();
            double lv = languageValue(wanted, l.welsh(), l.languages(), l.interpreter(), p.englishOk());
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
        LocalDate checked = assuredDay(s);
        double fv;
        if (checked == null) {
            fv = freshnessValue(false, false, false);
            warnings.add("Not yet checked with the provider, and its source page shows no date");
        } else {
            long months = ChronoUnit.MONTHS.between(checked, today);
            int stale = weights.staleMonths();
            fv = freshnessValue(true, months <= stale, months <= 2L * stale);
            if (withWords && checked.equals(OUT_OF_DATE)) warnings.add("Its source page shows signs of being out of date");
            else if (withWords && months > stale) warnings.add("Last confirmed " + months + " months ago (checked with the provider or dated on its source page)");
        }
        f.put("freshness", fv);

        if (p.text() != null && !p.text().isBlank()) f.put("text", textScore);
        if (s.provenance().illustrative()) warnings.add("Illustrative record: not a real service");

        return new Scored(s, f.score(), km, f.byName == null ? Map.of() : f.byName, withWords ? reasons : List.of(), withWords ? warnings : List.of());
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

    /** The need factor: how much of what is wanted is met, less for a generalist that lists many needs. */
    static double needValue(double got, double want, int needCount) {
        return (want == 0 ? 0 : got / want) * (0.6 + 0.4 * Math.min(1.0, GENERALIST_NEEDS / needCount));
    }

    /** Urgency: a crisis needs someone who answers now; soon, someone without a long wait. */
    static double urgencyValue(boolean open24, boolean outOfHours, boolean quickSelfReferral, boolean shortWait, Urgency urgency) {
        double uv = open24 ? 1.0 : outOfHours ? 0.7 : quickSelfReferral ? 0.3 : 0.1;
        return urgency == Urgency.SOON ? Math.max(uv, shortWait ? 0.6 : 0.2) : uv;
    }

    /** Self-referral with no wait: the quickest way in outside a crisis service's hours. */
    static boolean quickSelfReferral(uk.localoffer.domain.Access access) {
        return "self_referral".equals(access.threshold()) && (access.waitWeeks() == null || access.waitWeeks() == 0);
    }

    static boolean shortWait(Integer waitWeeks) {
        return waitWeeks == null || waitWeeks <= 1;
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

    /** The day given to a record whose source shows signs of being out of date: counted as old. */
    static final LocalDate OUT_OF_DATE = LocalDate.of(2000, 1, 1);

    /** When the facts were last vouched for (a check with the provider, or the source page's date); null when never. */
    static LocalDate assuredDay(Service s) {
        uk.localoffer.domain.Freshness f = uk.localoffer.domain.Freshness.of(s, LocalDate.now());
        return !f.signs().isEmpty() ? OUT_OF_DATE : f.assuredOn();
    }

    /** Freshness: checked within the stale limit, within twice it, longer ago, or never. */
    static double freshnessValue(boolean checked, boolean withinStale, boolean withinTwiceStale) {
        return !checked ? 0.4 : withinStale ? 1.0 : withinTwiceStale ? 0.5 : 0.2;
    }

    /** The ranking of one profile at one place, ready to score many services. */
    Prepared prepare(Profile p, Place place, LocalDate today, ServiceFacts facts) {
        return new Prepared(p, place, today, facts);
    }

    /**
     * The same score as {@link #score} (the same factors, summed in the same order, so equal to
     * the last bit), read from {@link ServiceFacts} with nothing allocated per service: the
     * matcher ranks every eligible service with this and writes words for the shown ones only.
     */
    final class Prepared {
        private final Profile p;
        private final Place place;
        private final boolean remoteAccepted, crisis, hasText;
        private final List<String> wanted;
        private final int freshFrom, agingFrom;
        /** The need factor of each distinct set of need codes (NaN until first met). */
        private final double[] needBySet;
        /** For each need in the profile's order: how squarely each code meets it (as {@link #needMatch}). */
        private final List<Map<String, Double>> needTiers = new ArrayList<>();
        /** The language factor by (language set, Welsh provision, interpreter), NaN until first met. */
        private double[] languageBy = new double[0];
        /** Whether each distinct set of circumstances includes one of the young person's: 0 not yet known, 1 yes, 2 no. */
        private final byte[] designedFor;

        private Prepared(Profile p, Place place, LocalDate today, ServiceFacts f) {
            this.p = p;
            this.place = place;
            remoteAccepted = p.acceptsRemote();
            crisis = p.urgency() == Urgency.CRISIS;
            hasText = p.text() != null && !p.text().isBlank();
            wanted = p.languages().stream().filter(l -> !l.equals("en")).toList();
            freshFrom = firstDayWithin(today, weights.staleMonths());
            agingFrom = firstDayWithin(today, 2 * weights.staleMonths());
            for (String need : p.needs().keySet()) needTiers.add(needTiers(need));
            needBySet = new double[f.needSets.size()];
            java.util.Arrays.fill(needBySet, Double.NaN);
            designedFor = new byte[f.circumstanceSets.size()];
        }

        private static double[] growNaN(double[] a, int atLeast) {
            double[] b = java.util.Arrays.copyOf(a, Math.max(atLeast, 2 * a.length));
            java.util.Arrays.fill(b, a.length, b.length, Double.NaN);
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

        double score(ServiceFacts f, GeoPoint servicePlace, int ord, double textScore) {
            return score(f, servicePlace, ord, textScore, false);
        }

        /**
         * At least the score, never less: the score as if the service were on the doorstep. Cheaper (no
         * great-circle distance), so a service that cannot reach the shown list is passed over.
         */
        double atMost(ServiceFacts f, GeoPoint servicePlace, int ord, double textScore) {
            return score(f, servicePlace, ord, textScore, true);
        }

        private double score(ServiceFacts f, GeoPoint servicePlace, int ord, double textScore, boolean nearest) {
            double total = 0, weightSum = 0, w;
            if (!p.needs().isEmpty()) {
                int codes = f.needSet(ord);
                double v = needBySet[codes];
                if (Double.isNaN(v)) {
                    Set<String> set = f.needSets.get(codes);
                    double got = 0, want = 0;
                    int k = 0;
                    for (var e : p.needs().entrySet()) {
                        want += e.getValue();
                        got += e.getValue() * needMatch(set, needTiers.get(k++));
                    }
                    v = needValue(got, want, set.size());
                    needBySet[codes] = v;
                }
                w = weights.need();
                total += w * v;
                weightSum += w;
            }
            if (place != null) {
                double v;
                if (f.has(ord, ServiceFacts.REMOTE) && remoteAccepted) v = 1.0;
                else if (servicePlace != null) v = nearest ? 1.0 : Math.pow(0.5, servicePlace.distanceKm(place.point()) / HALF_SCORE_KM);
                else v = 0.3;
                w = weights.distance();
                total += w * v;
                weightSum += w;
            }
            w = weights.threshold();
            total += w * f.threshold(ord);
            weightSum += w;
            if (p.urgency() != Urgency.ROUTINE) {
                double v = urgencyValue(f.has(ord, ServiceFacts.OPEN_24), f.has(ord, ServiceFacts.OUT_OF_HOURS),
                        f.has(ord, ServiceFacts.QUICK_SELF_REFERRAL), f.has(ord, ServiceFacts.SHORT_WAIT), p.urgency());
                w = weights.urgency();
                if (crisis) w *= CRISIS_URGENCY_MULTIPLIER;
                total += w * v;
                weightSum += w;
            }
            if (!wanted.isEmpty()) {
                LanguageSupport.WelshProvision welsh = f.welsh(ord);
                boolean interpreter = f.has(ord, ServiceFacts.INTERPRETER);
                int key = (f.languageSet(ord) * 4 + welsh.ordinal()) * 2 + (interpreter ? 1 : 0);
                if (key >= languageBy.length) languageBy = growNaN(languageBy, key + 1);
                double lv = languageBy[key];
                if (Double.isNaN(lv)) {
                    lv = languageValue(wanted, welsh, f.languageSets.get(f.languageSet(ord)), interpreter, p.englishOk());
                    languageBy[key] = lv;
                }
                w = weights.language();
                total += w * lv;
                weightSum += w;
            }
            w = weights.careLeaver();
            total += w * (f.has(ord, ServiceFacts.CARE_LEAVER) ? 1.0 : 0.0);
            weightSum += w;
            if (!p.circumstances().isEmpty()) {
                int set = f.circumstanceSet(ord);
                if (designedFor[set] == 0) {
                    boolean any = false;
                    for (String c : f.circumstanceSets.get(set)) any |= p.circumstances().contains(c);
                    designedFor[set] = (byte) (any ? 1 : 2);
                }
                w = weights.circumstance();
                total += w * (designedFor[set] == 1 ? 1.0 : 0.0);
                weightSum += w;
            }
            int checked = f.verified(ord);
            w = weights.freshness();
            total += w * freshnessValue(checked != Integer.MIN_VALUE, checked >= freshFrom, checked >= agingFrom);
            weightSum += w;
            if (hasText) {
                w = weights.text();
                total += w * textScore;
                weightSum += w;
            }
            return weightSum == 0 ? 0 : total / weightSum;
        }
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
    Map<String, Double> needTiers(String need) {
        Map<String, Double> tiers = new java.util.HashMap<>();
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
