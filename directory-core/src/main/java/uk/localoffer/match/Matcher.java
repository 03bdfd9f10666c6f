package uk.localoffer.match;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Locator;
import uk.localoffer.geo.Place;
import uk.localoffer.index.Criteria;
import uk.localoffer.index.Hits;
import uk.localoffer.index.ServiceFacts;
import uk.localoffer.index.ServiceIndex;
import uk.localoffer.index.Snapshot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Ranks the services one young person can use. Hard eligibility is an index filter (so it
 * stays fast as the directory grows); the soft ranking is {@link Ranking}.
 */
public final class Matcher {
    static final int MAX_EXPLAINED = 10;

    private final ServiceIndex index;
    private final Vocabulary vocabulary;
    private final Map<String, Authority> authorities;
    private final Function<String, List<Entitlement>> entitlements;
    private final List<CouncilTaxScheme> councilTax;
    private final Locator locator;
    private final Ranking ranking;
    private final Clock clock;

    /** {@code entitlements}: an authority's offer with its nation's statutory entitlements. */
    public Matcher(ServiceIndex index, Vocabulary vocabulary, Map<String, Authority> authorities, Function<String, List<Entitlement>> entitlements,
                   List<CouncilTaxScheme> councilTax, Locator locator, Ranking ranking, Clock clock) {
        this.index = index;
        this.vocabulary = vocabulary;
        this.authorities = authorities;
        this.entitlements = entitlements;
        this.councilTax = List.copyOf(councilTax);
        this.locator = locator;
        this.ranking = ranking;
        this.clock = clock;
    }

    public MatchResult match(Profile p, int limit, boolean explain) {
        if (p.postcode() == null && p.location() == null) throw new IllegalArgumentException("a postcode or a location is needed");
        Place place = locator.locate(p.postcode(), p.location());
        Authority host = place.hostAuthority() == null ? null : authorities.get(place.hostAuthority());
        Authority home = p.homeAuthority() == null ? null : authorities.get(p.homeAuthority());
        LocalDate today = LocalDate.now(clock);
        Criteria criteria = criteria(p, place);
        boolean outOfArea = home != null && host != null && !home.code().equals(host.code());
        return index.search(snap -> {
            Hits eligible = snap.eligible(criteria);
            Ranked ranked = rank(snap, eligible, p, place, outOfArea ? home : null, limit, today);
            int considered = snap.countMeetingNeeds(criteria);
            List<MatchResult.Excluded> excluded = explain ? explainExcluded(snap, criteria, eligible.ordSet(), p, place) : List.of();
            List<Entitlement> offer = home == null ? List.of() : homeOffer(home, host, p);
            int shown = eligible.size() - ranked.inEnglishOnly() - ranked.homeTeam().size();
            return new MatchResult(place, home, host, outOfArea, ranked.top(), shown, Math.max(0, considered - eligible.size()),
                    excluded, offer, councilTax(place, host, home), gaps(p, snap, eligible, ranked.top()), ranked.inEnglishOnly(),
                    ranked.homeTeam());
        });
    }

    /** The hard eligibility of this young person, for the index. */
    private Criteria criteria(Profile p, Place place) {
        Set<String> needs = new LinkedHashSet<>();
        for (String need : p.needs().keySet()) {
            needs.addAll(vocabulary.needAndChildren(need));
            // The whole local-offer area: its other needs count for a little (Factor.needMatch).
            needs.addAll(vocabulary.needAndChildren(vocabulary.areaOf(need)));
        }
        // Unknown home authority: assume they may be a care leaver of the authority they live in.
        String home = p.homeAuthority() != null ? p.homeAuthority() : place.hostAuthority();
        Set<String> delivery = new LinkedHashSet<>();
        for (Delivery d : p.delivery()) delivery.add(d.code());
        return new Criteria(needs, p.age(), p.status(), home, p.circumstances(), place.hostAuthority(), nationOf(place), place.point(),
                p.maxDistanceKm(), delivery, p.text());
    }

    /** The ranked list, and what was set apart from it. */
    private record Ranked(List<Ranking.Scored> top, int inEnglishOnly, List<Service> homeTeam) { }

    /**
     * Scores every eligible service from the facts and keeps the best in the order shown ({@link Shortlist}), then
     * scores those again with reasons and warnings. Set apart, not ranked: services in English only when English is
     * not usable (counted), and in out-of-area mode the home authority's own leaving care team.
     */
    private Ranked rank(Snapshot snap, Hits eligible, Profile p, Place place, Authority homeAway, int limit, LocalDate today) {
        float maxText = eligible.maxText();
        ServiceFacts facts = snap.facts();
        PreparedRanking ranked = ranking.prepare(p, place, today, facts);
        Shortlist best = new Shortlist(Math.min(limit, eligible.size()), facts);
        int inEnglishOnly = 0;
        List<Service> homeTeam = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            int ord = eligible.ord(i);
            if (!ranked.inAUsableLanguage(facts, ord)) {
                inEnglishOnly++;
                continue;
            }
            if (homeAway != null && mayBeTeam(homeAway, facts, ord)) {
                Service s = snap.service(ord);
                if (isTeam(homeAway, s)) {
                    homeTeam.add(s);
                    continue;
                }
            }
            TopServices heap = best.heap(ranked.tier(facts, ord), ranked.forOthers(facts, ord));
            double text = maxText > 0 ? eligible.text(i) / maxText : 0;
            if (heap.full() && (ranked.roughly(facts, ord) < heap.worstScore() || ranked.atMost(facts, snap.place(ord), ord, text) < heap.worstScore())) continue;
            heap.offer(ord, ranked.score(facts, snap.place(ord), ord, text), text);
        }
        List<Ranking.Scored> top = new ArrayList<>();
        for (Shortlist.Placed k : best.bestFirst()) {
            Service s = snap.service(k.kept().ord());
            top.add(ranking.score(s, snap.place(k.kept().ord()), isApproximate(s), p, place, k.kept().text(), today, true));
        }
        return new Ranked(List.copyOf(top), inEnglishOnly, List.copyOf(homeTeam));
    }

    /** What the facts say of {@link #isTeam} without reading the record: the authority's, for care leavers, three needs or more. */
    private static boolean mayBeTeam(Authority a, ServiceFacts f, int ord) {
        return a.leavingCareTeam() != null && f.has(ord, ServiceFacts.CARE_LEAVER) && f.needSets().get(f.needSet(ord)).size() >= 3
                && a.code().equals(f.authority(ord));
    }

    /** The authority's own leaving care team, as a service: see {@link uk.localoffer.domain.LeavingCareTeam#isFrontedBy}. */
    private static boolean isTeam(Authority a, Service s) {
        return a.code().equals(s.authorityCode()) && a.leavingCareTeam() != null && a.leavingCareTeam().isFrontedBy(s);
    }

    /** Council tax where they live: the district's rules in a two-tier county, else the authority's. */
    private CouncilTax councilTax(Place place, Authority host, Authority home) {
        if (host == null) return CouncilTax.NONE;
        boolean inDistrict = place.districtCouncil() != null;
        String homeCode = home != null ? home.code() : null;
        return CouncilTax.resolve(councilTax, inDistrict ? place.districtCouncil().code() : host.code(), inDistrict ? host.code() : null,
                host.nation(), homeCode, homeCode != null && homeCode.equals(host.code()));
    }

    /**
     * The needs asked for that no eligible service of an authority meets, each with the national services that do (at most
     * three: those shown first, in the order shown, then by name). Read from the facts; records only for those named.
     */
    private List<MatchResult.Gap> gaps(Profile p, Snapshot snap, Hits eligible, List<Ranking.Scored> shown) {
        List<MatchResult.Gap> out = new ArrayList<>();
        ServiceFacts facts = snap.facts();
        List<UUID> order = shown.stream().map(x -> x.service().id()).toList();
        for (String need : p.needs().keySet()) {
            Set<String> codes = new HashSet<>(vocabulary.needAndChildren(need));
            byte[] meets = new byte[facts.needSets().size()];
            boolean local = false;
            List<Integer> national = new ArrayList<>();
            for (int i = 0; i < eligible.size() && !local; i++) {
                int ord = eligible.ord(i), set = facts.needSet(ord);
                if (meets[set] == 0) meets[set] = (byte) (Collections.disjoint(facts.needSets().get(set), codes) ? 2 : 1);
                if (meets[set] == 2) continue;
                if (facts.authority(ord) != null) local = true;
                else national.add(ord);
            }
            if (local) continue;
            List<Service> named = new ArrayList<>();
            for (Ranking.Scored x : shown) if (named.size() < 3 && national.contains(ordOf(snap, x.service()))) named.add(x.service());
            national.sort(Comparator.comparingInt(facts::nameRank));
            for (int ord : national) {
                if (named.size() == 3) break;
                Service s = snap.service(ord);
                if (!order.contains(s.id())) named.add(s);
            }
            out.add(new MatchResult.Gap(need, List.copyOf(named)));
        }
        return out;
    }

    private static int ordOf(Snapshot snap, Service s) { return snap.ordOf(s.id()).orElse(-1); }

    /** True unless the service has a place whose point came from the source. */
    private static boolean isApproximate(Service s) {
        for (var l : s.locations()) if (l.point() != null && !l.approximate()) return false;
        return true;
    }

    /** The home authority's entitlements that apply where the young person lives, for their age and status. */
    private List<Entitlement> homeOffer(Authority home, Authority host, Profile p) {
        boolean away = host == null || !home.code().equals(host.code());
        return entitlements.apply(home.code()).stream()
                .filter(e -> !away || e.appliesOutOfArea())
                .filter(e -> p.age() == null || e.ages().contains(p.age()))
                .filter(e -> p.status() == null || e.statuses().isEmpty() || e.statuses().contains(p.status()))
                .toList();
    }

    /**
     * The services that meet a need but are left out, and why: first those left out by the young person's own facts (age,
     * status, home authority, a circumstance), then the rest, each nearest first (what the PA would most likely have
     * tried); each service's own reasons with those facts first.
     */
    private List<MatchResult.Excluded> explainExcluded(Snapshot snap, Criteria criteria, Set<Integer> eligible, Profile p, Place place) {
        List<MatchResult.Excluded> out = new ArrayList<>();
        Hits considered = snap.meetingNeeds(criteria);
        for (int i = 0; i < considered.size(); i++) {
            int ord = considered.ord(i);
            if (eligible.contains(ord)) continue;
            Service s = snap.service(ord);
            List<Exclusion> why = Eligibility.whyNot(s, snap.place(ord), s.coveredNations(authorities::get), p, place, nationOf(place));
            List<Exclusion> ordered = new ArrayList<>(why);
            ordered.sort(Comparator.comparing((Exclusion x) -> !x.code().aboutTheYoungPerson()));
            out.add(new MatchResult.Excluded(s, why.isEmpty() ? List.of(Exclusion.of(Exclusion.Code.NOT_ELIGIBLE)) : List.copyOf(ordered)));
        }
        out.sort(Comparator.comparing((MatchResult.Excluded x) -> !x.reasons().get(0).code().aboutTheYoungPerson())
                .thenComparingDouble(x -> {
                    var pl = ServiceIndex.placeOf(x.service(), authorities);
                    return pl == null ? Double.MAX_VALUE : pl.distanceKm(place.point());
                }));
        return out.size() > MAX_EXPLAINED ? List.copyOf(out.subList(0, MAX_EXPLAINED)) : out;
    }

    /** Why a service was or was not returned, checked in plain code (for tests and explanations). */
    List<Exclusion> whyNot(Service s, Profile p) {
        Place place = locator.locate(p.postcode(), p.location());
        return Eligibility.whyNot(s, ServiceIndex.placeOf(s, authorities), s.coveredNations(authorities::get), p, place, nationOf(place));
    }

    /** The nation the young person lives in; null outside England and Wales. */
    private Nation nationOf(Place place) {
        Authority host = place.hostAuthority() == null ? null : authorities.get(place.hostAuthority());
        return host == null ? null : host.nation();
    }
}
