package uk.localoffer.index;

import uk.localoffer.domain.Access;
import uk.localoffer.domain.Freshness;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

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

    /** [ord]: the number of the service's authority in {@link #authorityCodes}, -1 for none (a national service). */
    private final short[] authority;
    private final List<String> authorityCodes = new ArrayList<>();
    /** [ord]: the radius of a radius residence area, NaN for any other kind of area. */
    private final double[] radiusKm;
    /** [ord]: the place used for distance, null when none is known. */
    private final GeoPoint[] places;

    private ServiceFacts(int n) {
        packed = new long[2 * n];
        nameRank = new int[n];
        authority = new short[n];
        radiusKm = new double[n];
        places = new GeoPoint[n];
    }

    /** Facts of services added one at a time in ord order, so a whole directory is never held as records. */
    public static final class Builder {
        private ServiceFacts f = new ServiceFacts(1024);
        private final Map<Set<String>, Integer> needNumbers = new HashMap<>(), languageNumbers = new HashMap<>(), circumstanceNumbers = new HashMap<>();
        private final Map<Access, Integer> accessNumbers = new HashMap<>();
        private final Map<String, Integer> authorityNumbers = new HashMap<>();
        private String[] names = new String[1024];
        private UUID[] ids = new UUID[1024];
        private int size;

        /** How many have been added: the next one's ord. */
        public int size() { return size; }

        /** The next ord's service and its place (null when none is known). */
        public void add(Service s, GeoPoint place) {
            if (size == f.size()) {
                f = f.resized(2 * size);
                names = Arrays.copyOf(names, 2 * size);
                ids = Arrays.copyOf(ids, 2 * size);
            }
            int i = size++;
            f.pack(i, s, needNumbers, languageNumbers, circumstanceNumbers, accessNumbers);
            String code = s.authorityCode();
            f.authority[i] = code == null ? -1 : (short) (int) authorityNumbers.computeIfAbsent(code, k -> {
                f.authorityCodes.add(k);
                return f.authorityCodes.size() - 1;
            });
            Residence r = s.eligibility().residence();
            f.radiusKm[i] = r.kind() == Residence.Kind.RADIUS && r.radiusKm() != null ? r.radiusKm() : Double.NaN;
            f.places[i] = place;
            names[i] = s.name();
            ids[i] = s.id();
        }

        public ServiceFacts build() {
            ServiceFacts out = f.resized(size);
            Integer[] byName = new Integer[size];
            for (int i = 0; i < size; i++) byName[i] = i;
            Arrays.sort(byName, Comparator.comparing((Integer i) -> names[i]).thenComparing(i -> ids[i]));
            for (int r = 0; r < size; r++) out.nameRank[byName[r]] = r;
            return out;
        }
    }

    /** The same facts with room for {@code n} services (the lists of codes copied). */
    private ServiceFacts resized(int n) {
        ServiceFacts g = new ServiceFacts(n);
        int m = Math.min(n, size());
        System.arraycopy(packed, 0, g.packed, 0, 2 * m);
        System.arraycopy(nameRank, 0, g.nameRank, 0, m);
        System.arraycopy(authority, 0, g.authority, 0, m);
        System.arraycopy(radiusKm, 0, g.radiusKm, 0, m);
        System.arraycopy(places, 0, g.places, 0, m);
        g.needSets.addAll(needSets);
        g.languageSets.addAll(languageSets);
        g.circumstanceSets.addAll(circumstanceSets);
        g.accessKinds.addAll(accessKinds);
        g.authorityCodes.addAll(authorityCodes);
        return g;
    }

    /** For tests and small directories: the facts of {@code services} in order, with their places. */
    public static ServiceFacts of(Service[] services, GeoPoint[] places) {
        Builder b = new Builder();
        for (int i = 0; i < services.length; i++) b.add(services[i], places[i]);
        return b.build();
    }

    private void pack(int i, Service s, Map<Set<String>, Integer> needNumbers, Map<Set<String>, Integer> languageNumbers,
                      Map<Set<String>, Integer> circumstanceNumbers, Map<Access, Integer> accessNumbers) {
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

    public int size() { return nameRank.length; }

    /** The place used for distance (the service's first place, else its authority's centre); null when none is known. */
    public GeoPoint place(int ord) { return places[ord]; }

    /** The service's authority (null for a national service). */
    public String authority(int ord) { return authority[ord] < 0 ? null : authorityCodes.get(authority[ord]); }

    /** The radius of its residence area when that is a radius, else NaN. */
    public double radiusKm(int ord) { return radiusKm[ord]; }

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

    // ---- kept beside a built index, so a restart reads them instead of every record ----

    private static final int FORMAT = 1;

    /** Writes the facts to {@code file} (synced before it returns). */
    void save(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            int n = size();
            out.writeInt(FORMAT);
            out.writeInt(n);
            for (long v : packed) out.writeLong(v);
            for (int i = 0; i < n; i++) {
                out.writeInt(nameRank[i]);
                out.writeShort(authority[i]);
                out.writeDouble(radiusKm[i]);
                out.writeDouble(places[i] == null ? Double.NaN : places[i].lat());
                out.writeDouble(places[i] == null ? Double.NaN : places[i].lon());
            }
            writeSets(out, needSets);
            writeSets(out, languageSets);
            writeSets(out, circumstanceSets);
            out.writeInt(accessKinds.size());
            for (Access a : accessKinds) {
                writeNullable(out, a.threshold());
                out.writeInt(a.waitWeeks() == null ? -1 : a.waitWeeks());
            }
            out.writeInt(authorityCodes.size());
            for (String c : authorityCodes) out.writeUTF(c);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** The facts {@link #save} wrote. */
    static ServiceFacts load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT) throw new IOException("facts in another format");
            int n = in.readInt();
            ServiceFacts f = new ServiceFacts(n);
            for (int i = 0; i < 2 * n; i++) f.packed[i] = in.readLong();
            for (int i = 0; i < n; i++) {
                f.nameRank[i] = in.readInt();
                f.authority[i] = in.readShort();
                f.radiusKm[i] = in.readDouble();
                double lat = in.readDouble(), lon = in.readDouble();
                f.places[i] = Double.isNaN(lat) ? null : new GeoPoint(lat, lon);
            }
            readSets(in, f.needSets);
            readSets(in, f.languageSets);
            readSets(in, f.circumstanceSets);
            for (int k = in.readInt(); k > 0; k--) {
                String threshold = readNullable(in);
                int wait = in.readInt();
                f.accessKinds.add(new Access(threshold, wait < 0 ? null : wait, null));
            }
            for (int k = in.readInt(); k > 0; k--) f.authorityCodes.add(in.readUTF());
            return f;
        }
    }

    private static void writeSets(DataOutputStream out, List<Set<String>> sets) throws IOException {
        out.writeInt(sets.size());
        for (Set<String> set : sets) {
            out.writeInt(set.size());
            for (String v : set) out.writeUTF(v);
        }
    }

    private static void readSets(DataInputStream in, List<Set<String>> into) throws IOException {
        for (int k = in.readInt(); k > 0; k--) {
            Set<String> set = new LinkedHashSet<>();
            for (int m = in.readInt(); m > 0; m--) set.add(in.readUTF());
            into.add(Set.copyOf(set));
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
