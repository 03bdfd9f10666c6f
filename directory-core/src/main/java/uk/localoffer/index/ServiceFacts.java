package uk.localoffer.index;

import uk.localoffer.domain.Access;
import uk.localoffer.domain.Freshness;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the ranking reads of each service, packed into two longs per ord: the matcher scores
 * tens of thousands of eligible services per match, and reading one cache line per service
 * rather than one per field is what keeps that fast. Sets of codes, and the threshold with
 * its wait, are numbers into lists of the distinct ones.
 */
public final class ServiceFacts {
    public static final int CARE_LEAVER = 1, REMOTE = 2, OPEN_24 = 4, OUT_OF_HOURS = 8, INTERPRETER = 16, QUICK_SELF_REFERRAL = 32, SHORT_WAIT = 64;
    private static final int SET_BITS = 20, CIRCUMSTANCE_BITS = 12;
    /** {@link #ageMax} of a service with no upper age recorded. */
    public static final int NO_AGE_LIMIT = 127;
    private static final LanguageSupport.WelshProvision[] WELSH = LanguageSupport.WelshProvision.values();

    /** [2 ord]: need set, language set, circumstance set, flags; [2 ord + 1]: access kind, Welsh provision, last check, last age. */
    private final long[] packed;
    private final List<Set<String>> needSets = new ArrayList<>(), languageSets = new ArrayList<>(), circumstanceSets = new ArrayList<>();
    /** The distinct (threshold, usual wait) pairs. */
    private final List<Access> accessKinds = new ArrayList<>();
    /** Position in (name, id) order: breaks ties between equal scores as the matcher always has. */
    private final int[] nameRank;

    public ServiceFacts(Service[] services) {
        int n = services.length;
        packed = new long[2 * n];
        Map<Set<String>, Integer> needNumbers = new HashMap<>(), languageNumbers = new HashMap<>(), circumstanceNumbers = new HashMap<>();
        Map<Access, Integer> accessNumbers = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Service s = services[i];
            int f = 0;
            if (s.careLeaverSpecific()) f |= CARE_LEAVER;
            if (s.isRemote()) f |= REMOTE;
            if (s.hours().open24x7()) f |= OPEN_24;
            if (s.hours().outOfHours()) f |= OUT_OF_HOURS;
            if (s.languages().interpreter()) f |= INTERPRETER;
            if (s.access().quickSelfReferral()) f |= QUICK_SELF_REFERRAL;
            if (s.access().shortWait()) f |= SHORT_WAIT;
            long needs = number(s.needs(), needNumbers, needSets, SET_BITS);
            long languages = number(s.languages().languages(), languageNumbers, languageSets, SET_BITS);
            long circumstances = number(s.circumstances(), circumstanceNumbers, circumstanceSets, CIRCUMSTANCE_BITS);
            packed[2 * i] = needs | languages << 20 | circumstances << 40 | (long) f << 52;
            int access = accessNumbers.computeIfAbsent(new Access(s.access().threshold(), s.access().waitWeeks(), null), k -> {
                accessKinds.add(k);
                return accessKinds.size() - 1;
            });
            LocalDate assured = Freshness.assuredDay(s);
            long checked = assured == null ? 0 : assured.toEpochDay() - Integer.MIN_VALUE + 1;
            Integer ageMax = s.eligibility().ages().max();
            long lastAge = ageMax == null ? NO_AGE_LIMIT : Math.min(ageMax, NO_AGE_LIMIT - 1);
            packed[2 * i + 1] = access | (long) s.languages().welsh().ordinal() << 20 | checked << 24 | lastAge << 56;
        }
        Integer[] byName = new Integer[n];
        for (int i = 0; i < n; i++) byName[i] = i;
        Arrays.sort(byName, Comparator.comparing((Integer i) -> services[i].name()).thenComparing(i -> services[i].id()));
        nameRank = new int[n];
        for (int r = 0; r < n; r++) nameRank[byName[r]] = r;
    }

    public int needSet(int ord) { return (int) (packed[2 * ord] & 0xFFFFF); }

    public int languageSet(int ord) { return (int) (packed[2 * ord] >>> 20 & 0xFFFFF); }

    public int circumstanceSet(int ord) { return (int) (packed[2 * ord] >>> 40 & 0xFFF); }

    /** The distinct sets of need codes, numbered as {@link #needSet} answers. */
    public List<Set<String>> needSets() { return needSets; }

    public List<Set<String>> languageSets() { return languageSets; }

    public List<Set<String>> circumstanceSets() { return circumstanceSets; }

    public boolean has(int ord, int flag) { return (packed[2 * ord] >>> 52 & flag) != 0; }

    /** The number of the service's (threshold, usual wait) pair in {@link #accessKinds}. */
    public int accessKind(int ord) { return (int) (packed[2 * ord + 1] & 0xFFFFF); }

    public List<Access> accessKinds() { return accessKinds; }

    public LanguageSupport.WelshProvision welsh(int ord) { return WELSH[(int) (packed[2 * ord + 1] >>> 20 & 0xF)]; }

    /** Epoch day the facts were last vouched for (see {@link Freshness#assuredDay}); Integer.MIN_VALUE when never. */
    public int verified(int ord) {
        long checked = packed[2 * ord + 1] >>> 24 & 0xFFFFFFFFL;
        return checked == 0 ? Integer.MIN_VALUE : (int) (checked - 1 + Integer.MIN_VALUE);
    }

    /** The oldest age the service takes (126 for any age above that), or {@link #NO_AGE_LIMIT} when none is recorded. */
    public int ageMax(int ord) { return (int) (packed[2 * ord + 1] >>> 56 & 0x7F); }

    /** Position in (name, id) order, for ties between equal scores. */
    public int nameRank(int ord) { return nameRank[ord]; }

    private static int number(Set<String> set, Map<Set<String>, Integer> numbers, List<Set<String>> sets, int bits) {
        return numbers.computeIfAbsent(Objects.requireNonNull(set), k -> {
            if (sets.size() == 1 << bits) throw new IllegalStateException("more than " + (1 << bits) + " distinct code sets in one directory");
            sets.add(k);
            return sets.size() - 1;
        });
    }
}
