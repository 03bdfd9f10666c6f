package uk.localoffer.bench;

import uk.localoffer.domain.Access;
import uk.localoffer.domain.AgeRange;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Contact;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Eligibility;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Hours;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Location;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic (seeded) national-scale directory for benchmarks: services spread over the
 * real authority centroids, with mixes of needs, ages, languages, thresholds, delivery,
 * residence areas and care-leaver flags. Every record is marked illustrative: none is a real
 * service.
 *
 * <p>Two mixes of residence areas and delivery: {@link Mix#ISSUE_7} (the mix of the first runs:
 * 10% national, 20% radius and 5% drawn catchment areas, half usable remotely), and one that
 * follows the shape of the sourced default dataset ({@link Mix#of}: its shares of national
 * services, of radius and catchment areas, and of remote, in-person-only and unrecorded delivery,
 * measured by {@link DatasetShape}).
 */
public final class SyntheticDirectory {
    public static final String SOURCE = "synthetic";

    /**
     * Shares of the services: residence national, a radius, a drawn catchment (the rest the
     * authority's own area, a tenth of them with a second authority's); delivery usable only
     * remotely, in person and remotely, not recorded (the rest in person only). {@code null}
     * shares: the first runs' draws, kept so their directories are the same service for service.
     */
    public record Mix(String name, Double national, Double radius, Double catchment, Double remoteOnly, Double inPersonAndRemote,
                      Double deliveryNotRecorded) {
        public static final Mix ISSUE_7 = new Mix("issue-7", null, null, null, null, null, null);

        /** A mix with the shares of {@code shape} ({@link DatasetShape}). */
        public static Mix of(String name, Map<String, Double> shape) {
            return new Mix(name, shape.get("national"), shape.get("radius"), shape.get("catchment"), shape.get("remote_only"),
                    shape.get("in_person_and_remote"), shape.get("delivery_not_recorded"));
        }

        boolean firstRuns() { return national == null; }
    }

    public static List<Service> generate(int count, long seed, List<Authority> authorities) {
        return generate(count, seed, authorities, Mix.ISSUE_7);
    }
    private static final String[] KINDS = {"Counselling", "Drop-in", "Mentoring", "Housing advice", "Youth hub", "Wellbeing group",
            "Employment support", "College support", "Money advice", "Crisis line", "Parents' group", "Legal advice"};
    private static final String[] NEEDS_COMMON = {"emotional-wellbeing", "emotional-wellbeing", "emotional-wellbeing", "social-connection",
            "housing-advice", "money-benefits", "job-support", "further-education", "mentoring", "mental-health-crisis", "physical-health",
            "substance-use", "parenting", "legal-immigration", "homelessness", "supported-housing", "skills-training", "apprenticeships",
            "family-and-networks", "advocacy-voice", "identity-documents", "leisure-culture", "higher-education", "setting-up-home"};
    private static final String[] LANGUAGES = {"ar", "ps", "fa", "ti", "ku", "ur", "pl", "so"};
    private static final String[] THRESHOLDS = {"self_referral", "self_referral", "pa_referral", "pa_referral", "professional_referral", "clinical_assessment"};

    private SyntheticDirectory() { }

    public static List<Service> generate(int count, long seed, List<Authority> authorities, Mix mix) {
        Random r = new Random(seed);
        Instant imported = Instant.parse("2026-01-01T00:00:00Z");
        LocalDate today = LocalDate.of(2026, 11, 1);
        List<Service> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Authority a = authorities.get(r.nextInt(authorities.size()));
            double reachKm = Math.min(12, 0.5 * Math.sqrt(a.areaKm2() == null ? 100 : a.areaKm2()));
            double km = reachKm * Math.sqrt(r.nextDouble()), bearing = r.nextDouble() * 2 * Math.PI;
            GeoPoint place = new GeoPoint(a.centroid().lat() + km * Math.cos(bearing) / 111.2,
                    a.centroid().lon() + km * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(a.centroid().lat()))));
            Set<String> needs = new LinkedHashSet<>();
            int needCount = 1 + r.nextInt(3);
            while (needs.size() < needCount) needs.add(NEEDS_COMMON[r.nextInt(NEEDS_COMMON.length)]);
            String kind = KINDS[r.nextInt(KINDS.length)];
            AgeRange ages = switch (r.nextInt(10)) {
                case 0, 1, 2, 3 -> new AgeRange(16, 25);
                case 4, 5 -> new AgeRange(18, null);
                case 6 -> new AgeRange(16, 21);
                case 7 -> new AgeRange(18, 25);
                default -> AgeRange.ANY;
            };
            Set<String> accepts = switch (r.nextInt(20)) {
                case 0, 1, 2, 3, 4 -> Set.of(a.code());
                case 5 -> new LinkedHashSet<>(List.of(a.code(), authorities.get(r.nextInt(authorities.size())).code()));
                default -> Set.of();
            };
            Residence residence = mix.firstRuns() ? firstRunsResidence(r, a, place, authorities) : residence(r, mix, a, place, authorities);
            Set<String> exclusions = r.nextInt(10) == 0 ? Set.of("substance_use") : Set.of();
            Set<String> statuses = r.nextInt(15) == 0 ? Set.of("former_relevant") : Set.of();
            Set<String> languages = new LinkedHashSet<>(List.of("en"));
            if (r.nextInt(8) == 0) languages.add(LANGUAGES[r.nextInt(LANGUAGES.length)]);
            LanguageSupport.WelshProvision welsh = a.nation() == Nation.WALES && r.nextInt(5) < 2
                    ? LanguageSupport.WelshProvision.ACTIVE_OFFER : LanguageSupport.WelshProvision.NONE;
            if (welsh != LanguageSupport.WelshProvision.NONE) languages.add("cy");
            Set<Delivery> delivery = mix.firstRuns() ? firstRunsDelivery(r) : delivery(r, mix);
            boolean careLeaver = r.nextInt(10) < 3;
            Set<String> circumstances = r.nextInt(12) == 0 ? Set.of(new String[]{"uasc", "young_parent", "lgbtq", "neurodivergent"}[r.nextInt(4)]) : Set.of();
            boolean allHours = needs.contains("mental-health-crisis") ? r.nextBoolean() : r.nextInt(40) == 0;
            String name = kind + " " + (careLeaver ? "for care leavers " : "") + "in " + a.commonName() + " #" + i;
            String id = "s" + i;
            out.add(new Service(Service.stableId(SOURCE, id), name, null,
                    kind + " for young people: " + String.join(", ", needs).replace('-', ' ') + ". Synthetic record for benchmarks.", null,
                    null, residence.kind() == Residence.Kind.NATIONAL ? null : a.code(), needs, careLeaver, circumstances,
                    new Eligibility(ages, statuses, accepts, residence, exclusions),
                    new Access(THRESHOLDS[r.nextInt(THRESHOLDS.length)], r.nextInt(3) == 0 ? null : r.nextInt(20), null),
                    new LanguageSupport(languages, r.nextInt(10) < 3, welsh), delivery,
                    List.of(new Location(null, null, null, place, true)),
                    new Hours(null, allHours || r.nextInt(8) == 0, allHours), null, Contact.NONE,
                    new Provenance(SOURCE, id, imported, r.nextInt(5) == 0 ? null : today.minusDays(r.nextInt(3 * 365)), true,
                            "Synthetic: generated for benchmarks, not a real service.")));
        }
        return out;
    }

    private static Residence firstRunsResidence(Random r, Authority a, GeoPoint place, List<Authority> authorities) {
        int rk = r.nextInt(20);
        return rk < 11 ? Residence.authorities(Set.of(a.code()))
                : rk < 15 ? new Residence(Residence.Kind.RADIUS, Set.of(), 5.0 + r.nextInt(26), null)
                : rk < 16 ? new Residence(Residence.Kind.CATCHMENT, Set.of(), null, square(place, 3 + r.nextInt(8)))
                : rk < 18 ? Residence.NATIONAL
                : Residence.authorities(new LinkedHashSet<>(List.of(a.code(), authorities.get(r.nextInt(authorities.size())).code())));
    }

    private static Set<Delivery> firstRunsDelivery(Random r) {
        return switch (r.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> Set.of(Delivery.IN_PERSON);
            case 5, 6 -> Set.of(Delivery.IN_PERSON, Delivery.PHONE);
            case 7 -> Set.of(Delivery.PHONE, Delivery.ONLINE);
            case 8 -> Set.of(Delivery.IN_PERSON, Delivery.ONLINE, Delivery.HOME_VISIT);
            default -> Set.of(Delivery.ONLINE);
        };
    }

    private static Residence residence(Random r, Mix mix, Authority a, GeoPoint place, List<Authority> authorities) {
        double u = r.nextDouble();
        if ((u -= mix.national()) < 0) return Residence.NATIONAL;
        if ((u -= mix.radius()) < 0) return new Residence(Residence.Kind.RADIUS, Set.of(), 5.0 + r.nextInt(26), null);
        if ((u -= mix.catchment()) < 0) return new Residence(Residence.Kind.CATCHMENT, Set.of(), null, square(place, 3 + r.nextInt(8)));
        return r.nextInt(10) == 0 ? Residence.authorities(new LinkedHashSet<>(List.of(a.code(), authorities.get(r.nextInt(authorities.size())).code())))
                : Residence.authorities(Set.of(a.code()));
    }

    private static Set<Delivery> delivery(Random r, Mix mix) {
        double u = r.nextDouble();
        if ((u -= mix.remoteOnly()) < 0) return r.nextBoolean() ? Set.of(Delivery.PHONE, Delivery.ONLINE) : Set.of(Delivery.ONLINE);
        if ((u -= mix.inPersonAndRemote()) < 0)
            return r.nextBoolean() ? Set.of(Delivery.IN_PERSON, Delivery.PHONE) : Set.of(Delivery.IN_PERSON, Delivery.ONLINE, Delivery.HOME_VISIT);
        if ((u -= mix.deliveryNotRecorded()) < 0) return Set.of();
        return Set.of(Delivery.IN_PERSON);
    }

    private static String square(GeoPoint c, double halfKm) {
        double dLat = halfKm / 111.2, dLon = halfKm / (111.2 * Math.cos(Math.toRadians(c.lat())));
        double s = c.lat() - dLat, n = c.lat() + dLat, w = c.lon() - dLon, e = c.lon() + dLon;
        return String.format(Locale.ROOT, "POLYGON((%.5f %.5f, %.5f %.5f, %.5f %.5f, %.5f %.5f, %.5f %.5f))", w, s, e, s, e, n, w, n, w, s);
    }
}
