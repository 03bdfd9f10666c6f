package uk.localoffer.store;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How much of each authority's offer the directory holds from sources: the figures `stats`
 * reports and docs/data-coverage.md shows, and the conflicts between sources.
 *
 * @param countyOf the county of a district council code, or the code itself for any other council
 */
public record Coverage(List<AuthorityCoverage> authorities, int sourcedServices, int servicesWithContact,
                       int nationalServicesWithContact, int sourcedEntitlements, int facts, int factsWithPageDate,
                       int factsOlderThan24Months, List<Conflict> conflicts) {

    /** What was found for one authority. */
    public record AuthorityCoverage(Authority authority, boolean offerUrl, String teamRoute, boolean councilTax,
                                    int discretionaryEntitlements, int services, List<String> sources) {
        public boolean teamContact() { return teamRoute != null; }
    }

    /** Two or more sourced rows about the same thing that disagree. */
    public record Conflict(String authorityCode, String about, List<String> values, List<String> sources) { }

    public static final int OLD_MONTHS = 24;

    public static Coverage of(List<Authority> authorities, List<AuthorityRoute> routes, List<Entitlement> entitlements,
                              List<CouncilTaxScheme> councilTax, List<Service> services, Function<String, String> countyOf,
                              LocalDate today) {
        List<Service> sourcedServices = services.stream().filter(s -> !s.provenance().illustrative()).toList();
        List<Entitlement> sourcedEntitlements = entitlements.stream().filter(e -> !e.provenance().illustrative()).toList();
        List<CouncilTaxScheme> sourcedTax = councilTax.stream().filter(c -> !c.provenance().illustrative()).toList();
        Map<String, List<AuthorityRoute>> routesOf = routes.stream().collect(Collectors.groupingBy(AuthorityRoute::authorityCode));

        List<AuthorityCoverage> rows = new ArrayList<>();
        for (Authority a : authorities) {
            List<AuthorityRoute> own = routesOf.getOrDefault(a.code(), List.of());
            boolean offerUrl = own.stream().anyMatch(r -> r.kind() == AuthorityRoute.Kind.LOCAL_OFFER && r.url() != null);
            String team = own.stream().filter(r -> r.kind().isWayIn() && r.contact().reachable())
                    .map(r -> r.kind().code()).min((x, y) -> Integer.compare(rank(x), rank(y))).orElse(null);
            boolean tax = sourcedTax.stream().anyMatch(c -> covers(c, a, countyOf));
            // A nation-wide scheme every council of the nation runs (Wales's St David's Day Fund) is in each one's offer.
            int discretionary = (int) sourcedEntitlements.stream().filter(e -> !e.statutory()
                    && (a.code().equals(e.authorityCode()) || (e.isNational() && e.nation() == a.nation()))).count();
            int localServices = (int) sourcedServices.stream().filter(s -> a.code().equals(s.authorityCode())).count();
            Set<String> sources = new TreeSet<>();
            java.util.function.Consumer<Provenance> add = p -> { if (p.sourceUrl() != null) sources.add(p.sourceUrl()); };
            own.forEach(r -> add.accept(r.provenance()));
            sourcedEntitlements.stream().filter(e -> a.code().equals(e.authorityCode())).forEach(e -> add.accept(e.provenance()));
            sourcedTax.stream().filter(c -> covers(c, a, countyOf)).forEach(c -> add.accept(c.provenance()));
            sourcedServices.stream().filter(s -> a.code().equals(s.authorityCode())).forEach(s -> add.accept(s.provenance()));
            rows.add(new AuthorityCoverage(a, offerUrl, team, tax, discretionary, localServices, List.copyOf(sources)));
        }

        List<Provenance> facts = new ArrayList<>();
        routes.forEach(r -> facts.add(r.provenance()));
        sourcedEntitlements.forEach(e -> facts.add(e.provenance()));
        sourcedTax.forEach(c -> facts.add(c.provenance()));
        sourcedServices.forEach(s -> facts.add(s.provenance()));
        int dated = (int) facts.stream().filter(p -> p.pageDate() != null).count();
        int old = (int) facts.stream().map(Provenance::pageDate).filter(Objects::nonNull)
                .filter(d -> d.olderThanMonths(OLD_MONTHS, today)).count();
        int withContact = (int) sourcedServices.stream().filter(s -> s.contact().reachable()).count();
        int nationalWithContact = (int) sourcedServices.stream().filter(s -> s.authorityCode() == null && s.contact().reachable()).count();
        return new Coverage(rows, sourcedServices.size(), withContact, nationalWithContact, sourcedEntitlements.size(), facts.size(),
                dated, old, conflicts(sourcedEntitlements, sourcedTax));
    }

    private static int rank(String route) {
        return switch (route) {
            case "leaving_care_team" -> 0;
            case "front_door" -> 1;
            default -> 2;
        };
    }

    /** A scheme covers an authority when it is billed there (or in one of its districts), or is its own care leavers' scheme. */
    static boolean covers(CouncilTaxScheme c, Authority a, Function<String, String> countyOf) {
        if (c.billingCouncil() == null) return c.careLeaversOf().contains(a.code());
        if (CouncilTaxScheme.WALES.equals(c.billingCouncil())) return a.nation() == Nation.WALES;
        return a.code().equals(c.billingCouncil()) || a.code().equals(countyOf.apply(c.billingCouncil()));
    }

    /** Entitlements of one authority and topic, and council tax schemes of one billing council and group, that disagree. */
    static List<Conflict> conflicts(List<Entitlement> entitlements, List<CouncilTaxScheme> councilTax) {
        List<Conflict> out = new ArrayList<>();
        Map<String, List<Entitlement>> byTopic = entitlements.stream()
                .filter(e -> e.authorityCode() != null && e.topic() != null && !e.topic().equals("other"))
                .collect(Collectors.groupingBy(e -> e.authorityCode() + "|" + e.topic(), LinkedHashMap::new, Collectors.toList()));
        for (var group : byTopic.values()) {
            Set<String> values = new TreeSet<>();
            for (Entitlement e : group) if (e.amountGbp() != null) values.add("£" + e.amountGbp());
            Set<String> ages = new TreeSet<>();
            for (Entitlement e : group) if (!e.ages().isAny()) ages.add(e.ages().toString());
            if (values.size() > 1 || ages.size() > 1) {
                List<String> shown = new ArrayList<>(values);
                shown.addAll(ages);
                out.add(new Conflict(group.get(0).authorityCode(), group.get(0).topic(), shown,
                        group.stream().map(e -> e.provenance().sourceUrl()).distinct().toList()));
            }
        }
        Map<String, List<CouncilTaxScheme>> byCouncil = councilTax.stream()
                .collect(Collectors.groupingBy(c -> c.billingCouncil() + "|" + new TreeSet<>(c.careLeaversOf()), LinkedHashMap::new, Collectors.toList()));
        for (var group : byCouncil.values()) {
            Set<String> values = new TreeSet<>();
            for (CouncilTaxScheme c : group) values.add((c.percent() == null ? "?" : c.percent() + "%") + " " + c.ages());
            if (values.size() > 1) {
                CouncilTaxScheme first = group.get(0);
                String authority = first.billingCouncil() != null ? first.billingCouncil() : String.join(";", new TreeSet<>(first.careLeaversOf()));
                out.add(new Conflict(authority, "council_tax", List.copyOf(values),
                        group.stream().map(c -> c.provenance().sourceUrl()).distinct().toList()));
            }
        }
        return out;
    }

    public long count(java.util.function.Predicate<AuthorityCoverage> p) { return authorities.stream().filter(p).count(); }

    /** The figures `stats --json` reports. */
    public Map<String, Object> figures() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("authorities_with_offer_url", count(AuthorityCoverage::offerUrl));
        m.put("authorities_with_team_contact", count(AuthorityCoverage::teamContact));
        m.put("authorities_with_teams_own_contact", count(a -> "leaving_care_team".equals(a.teamRoute())));
        m.put("authorities_with_council_tax", count(AuthorityCoverage::councilTax));
        m.put("authorities_with_discretionary_entitlement", count(a -> a.discretionaryEntitlements() > 0));
        m.put("sourced_entitlements", sourcedEntitlements);
        m.put("sourced_services", sourcedServices);
        m.put("services_with_contact", servicesWithContact);
        m.put("local_services_with_contact", servicesWithContact - nationalServicesWithContact);
        m.put("national_services_with_contact", nationalServicesWithContact);
        m.put("facts", facts);
        m.put("facts_with_page_date", factsWithPageDate);
        m.put("facts_older_than_24_months", factsOlderThan24Months);
        m.put("conflicts", conflicts.size());
        return m;
    }
}
