package uk.localoffer.search;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LatLonShape;
import org.apache.lucene.document.ShapeField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks the services one young person can use. Hard eligibility is a Lucene filter (so it
 * stays fast as the directory grows); the soft ranking is {@link Ranking}.
 */
public final class Matcher {
    static final int MAX_EXPLAINED = 10;

    private final ServiceIndex index;
    private final Vocabulary vocabulary;
    private final Map<String, Authority> authorities;
    private final Function<String, List<Entitlement>> entitlements;
    private final Locator locator;
    private final Ranking ranking;
    private final List<CouncilTaxScheme> councilTax;

    public Matcher(ServiceIndex index, Vocabulary vocabulary, Map<String, Authority> authorities,
                   Function<String, List<Entitlement>> entitlements, Locator locator, Ranking ranking) {
        this(index, vocabulary, authorities, entitlements, List.of(), locator, ranking);
    }

    /** {@code entitlements}: an authority's offer with its nation's statutory entitlements. */
    public Matcher(ServiceIndex index, Vocabulary vocabulary, Map<String, Authority> authorities,
                   Function<String, List<Entitlement>> entitlements, List<CouncilTaxScheme> councilTax, Locator locator, Ranking ranking) {
        this.index = index;
        this.vocabulary = vocabulary;
        this.authorities = authorities;
        this.entitlements = entitlements;
        this.councilTax = List.copyOf(councilTax);
        this.locator = locator;
        this.ranking = ranking;
    }

    public MatchResult match(Profile p, int limit, boolean explain) {
        if (p.postcode() == null && p.location() == null) throw new IllegalArgumentException("a postcode or a location is needed");
        Place place = locator.locate(p.postcode(), p.location());
        Authority host = place.hostAuthority() == null ? null : authorities.get(place.hostAuthority());
        Authority home = p.homeAuthority() == null ? null : authorities.get(p.homeAuthority());
        LocalDate today = LocalDate.now();

        ServiceIndex.Snapshot snap = index.acquire();
        try {
            Query needs = needQuery(p);
            Query eligibleQuery = eligibleQuery(p, place, needs);
            boolean hasText = p.text() != null && !p.text().isBlank();
            Eligible eligible = collect(snap, eligibleQuery, hasText);
            float maxText = 0;
            if (hasText) for (int i = 0; i < eligible.size; i++) maxText = Math.max(maxText, eligible.text[i]);

            // Score every eligible service from the facts, keep the best, then score those again with reasons and warnings.
            Ranking.Prepared ranked = ranking.prepare(p, place, today, snap.facts);
            Best best = new Best(Math.min(limit, eligible.size), snap.facts.nameRank);
            for (int i = 0; i < eligible.size; i++) {
                int ord = eligible.ords[i];
                double text = maxText > 0 ? eligible.text[i] / maxText : 0;
                if (best.full() && ranked.atMost(snap.facts, snap.places[ord], ord, text) < best.worstScore()) continue;
                best.offer(ord, ranked.score(snap.facts, snap.places[ord], ord, text), text);
            }
            List<Ranking.Scored> top = new ArrayList<>(best.size);
            for (int i : best.bestFirst()) {
                int ord = best.ords[i];
                Service s = snap.services[ord];
                top.add(ranking.score(s, snap.places[ord], isApproximate(s), p, place, best.texts[i], today, true));
            }
            Set<Integer> eligibleOrds = explain ? eligible.ordSet() : Set.of();

            int considered = count(snap, needs);
            List<MatchResult.Excluded> excluded = explain ? explainExcluded(snap, needs, eligibleOrds, p, place) : List.of();
            List<Entitlement> offer = home == null ? List.of() : homeOffer(home, host, p);
            boolean outOfArea = home != null && host != null && !home.code().equals(host.code());
            String homeCode = home != null ? home.code() : null;
            CouncilTax tax = host == null ? CouncilTax.NONE : CouncilTax.resolve(councilTax, billingCouncil(place, host), county(place, host),
                    host.nation(), homeCode, homeCode != null && homeCode.equals(host.code()));
            return new MatchResult(place, home, host, outOfArea, List.copyOf(top), eligible.size,
                    Math.max(0, considered - eligible.size), excluded, offer, tax, gaps(p, snap, eligible, top));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(snap);
        }
    }

    /** The council that bills council tax where they live: the district in a two-tier county, else the authority. */
    private static String billingCouncil(Place place, Authority host) {
        return place.districtCouncil() != null ? place.districtCouncil().code() : host.code();
    }

    private static String county(Place place, Authority host) {
        return place.districtCouncil() != null ? host.code() : null;
    }

    /** The needs asked for that no eligible service of an authority meets, each with the national services that do. */
    private List<MatchResult.Gap> gaps(Profile p, ServiceIndex.Snapshot snap, Eligible eligible, List<Ranking.Scored> shown) {
        List<MatchResult.Gap> out = new ArrayList<>();
        for (String need : p.needs().keySet()) {
            Set<String> codes = new HashSet<>(vocabulary.needAndChildren(need));
            boolean local = false;
            List<Service> national = new ArrayList<>();
            for (int i = 0; i < eligible.size && !local; i++) {
                Service s = snap.services[eligible.ords[i]];
                if (java.util.Collections.disjoint(s.needs(), codes)) continue;
                if (s.authorityCode() != null) local = true;
                else national.add(s);
            }
            if (local) continue;
            List<java.util.UUID> order = shown.stream().map(x -> x.service().id()).toList();
            national.sort(Comparator.<Service>comparingInt(s -> order.contains(s.id()) ? order.indexOf(s.id()) : Integer.MAX_VALUE)
                    .thenComparing(s -> s.name()));
            out.add(new MatchResult.Gap(need, List.copyOf(national.subList(0, Math.min(3, national.size())))));
        }
        return out;
    }

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

    /** Services meeting at least one need (with its area or finer needs); all services when no need is given. */
    Query needQuery(Profile p) {
        if (p.needs().isEmpty()) return new MatchAllDocsQuery();
        Set<BytesRef> codes = new LinkedHashSet<>();
        for (String need : p.needs().keySet()) {
            for (String c : vocabulary.needAndChildren(need)) codes.add(new BytesRef(c));
            // The whole local-offer area: its other needs count for a little (Ranking.needMatch).
            for (String c : vocabulary.needAndChildren(vocabulary.areaOf(need))) codes.add(new BytesRef(c));
        }
        return new TermInSetQuery(ServiceIndex.NEED, codes);
    }

    Query eligibleQuery(Profile p, Place place, Query needs) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(needs, Occur.FILTER);
        if (p.age() != null) {
            b.add(range(ServiceIndex.AGE_MIN, Integer.MIN_VALUE, p.age()), Occur.FILTER);
            b.add(range(ServiceIndex.AGE_MAX, p.age(), Integer.MAX_VALUE), Occur.FILTER);
        }
        if (p.status() != null) b.add(anyOf(ServiceIndex.STATUS, List.of(ServiceIndex.ANY, p.status())), Occur.FILTER);
        // Unknown home authority: assume they may be a care leaver of the authority they live in.
        String home = p.homeAuthority() != null ? p.homeAuthority() : place.hostAuthority();
        b.add(home == null ? new TermQuery(new Term(ServiceIndex.ACCEPTS, ServiceIndex.ANY)) : anyOf(ServiceIndex.ACCEPTS, List.of(ServiceIndex.ANY, home)), Occur.FILTER);
        for (String c : p.circumstances()) b.add(new TermQuery(new Term(ServiceIndex.EXCLUSION, c)), Occur.MUST_NOT);

        BooleanQuery.Builder area = new BooleanQuery.Builder();
        area.add(new TermQuery(new Term(ServiceIndex.RESIDENCE, "national")), Occur.SHOULD);
        if (place.hostAuthority() != null) area.add(new TermQuery(new Term(ServiceIndex.RESIDENCE_AUTHORITY, place.hostAuthority())), Occur.SHOULD);
        area.add(LatLonShape.newPointQuery(ServiceIndex.RESIDENCE_AREA, ShapeField.QueryRelation.INTERSECTS,
                new double[]{place.point().lat(), place.point().lon()}), Occur.SHOULD);
        b.add(area.build(), Occur.FILTER);

        if (p.maxDistanceKm() != null) {
            BooleanQuery.Builder reach = new BooleanQuery.Builder();
            reach.add(new TermQuery(new Term(ServiceIndex.IN_PERSON_ONLY, "no")), Occur.SHOULD);
            // Distance cannot be judged without a place: kept, with a warning from the ranking.
            reach.add(new TermQuery(new Term(ServiceIndex.PLACE_UNKNOWN, "yes")), Occur.SHOULD);
            double metres = p.maxDistanceKm() * 1000;
            reach.add(new IndexOrDocValuesQuery(
                    LatLonPoint.newDistanceQuery(ServiceIndex.PLACE, place.point().lat(), place.point().lon(), metres),
                    org.apache.lucene.document.LatLonDocValuesField.newSlowDistanceQuery(ServiceIndex.PLACE, place.point().lat(), place.point().lon(), metres)),
                    Occur.SHOULD);
            b.add(reach.build(), Occur.FILTER);
        }
        if (!p.delivery().isEmpty()) b.add(anyOf(ServiceIndex.DELIVERY, p.delivery().stream().map(Delivery::code).toList()), Occur.FILTER);
        if (p.text() != null && !p.text().isBlank()) {
            Query text = new QueryBuilder(index.analyzer()).createBooleanQuery(ServiceIndex.TEXT, p.text());
            if (text != null) b.add(text, Occur.SHOULD);
        }
        return b.build();
    }

    /** An age limit: read from the points when it is selective, from doc values when another clause leads. */
    static Query range(String field, int lower, int upper) {
        return new IndexOrDocValuesQuery(IntPoint.newRangeQuery(field, lower, upper),
                org.apache.lucene.document.NumericDocValuesField.newSlowRangeQuery(field, lower, upper));
    }

    private static Query anyOf(String field, List<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private List<MatchResult.Excluded> explainExcluded(ServiceIndex.Snapshot snap, Query needs, Set<Integer> eligible, Profile p, Place place) throws IOException {
        List<MatchResult.Excluded> out = new ArrayList<>();
        Eligible considered = collect(snap, needs, false);
        for (int i = 0; i < considered.size; i++) {
            int ord = considered.ords[i];
            if (eligible.contains(ord)) continue;
            Service s = snap.services[ord];
            List<String> why = Eligibility.whyNot(s, snap.places[ord], p, place, vocabulary);
            out.add(new MatchResult.Excluded(s, why.isEmpty() ? List.of("Not eligible") : why));
        }
        // Nearest first: what the PA would most likely have tried.
        out.sort(Comparator.comparingDouble(x -> {
            var pl = ServiceIndex.placeOf(x.service(), authorities);
            return pl == null ? Double.MAX_VALUE : pl.distanceKm(place.point());
        }));
        return out.size() > MAX_EXPLAINED ? List.copyOf(out.subList(0, MAX_EXPLAINED)) : out;
    }

    /** The ords of the services a query matches, in index order, with each one's text relevance when asked. */
    static final class Eligible {
        int[] ords = new int[256];
        float[] text;
        int size;

        Eligible(boolean withText) { text = new float[withText ? 256 : 0]; }

        void add(int ord, float relevance) {
            if (size == ords.length) ords = java.util.Arrays.copyOf(ords, size * 2);
            if (text.length > 0) {
                if (size == text.length) text = java.util.Arrays.copyOf(text, size * 2);
                text[size] = relevance;
            }
            ords[size++] = ord;
        }

        Set<Integer> ordSet() {
            Set<Integer> out = new HashSet<>(size * 2);
            for (int i = 0; i < size; i++) out.add(ords[i]);
            return out;
        }
    }

    /**
     * The best {@code limit} ords seen, by score and then (name, id) order: a bounded heap with
     * the worst kept at the root, so each further service costs one comparison unless it is better.
     */
    static final class Best {
        private final int limit;
        private final int[] nameRank;
        final int[] ords;
        final double[] scores, texts;
        int size;

        Best(int limit, int[] nameRank) {
            this.limit = limit;
            this.nameRank = nameRank;
            ords = new int[limit];
            scores = new double[limit];
            texts = new double[limit];
        }

        boolean full() { return limit > 0 && size == limit; }

        /** The lowest score kept (when full). */
        double worstScore() { return scores[0]; }

        /** True when (sa, a) ranks below (sb, b). */
        private boolean worse(double sa, int a, double sb, int b) {
            return sa < sb || (sa == sb && nameRank[a] > nameRank[b]);
        }

        void offer(int ord, double score, double text) {
            if (limit == 0) return;
            if (size < limit) {
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (!worse(score, ord, scores[parent], ords[parent])) break;
                    move(parent, i);
                    i = parent;
                }
                put(i, ord, score, text);
            } else if (worse(scores[0], ords[0], score, ord)) {
                siftDown(ord, score, text);
            }
        }

        private void move(int from, int to) {
            put(to, ords[from], scores[from], texts[from]);
        }

        private void put(int i, int ord, double score, double text) {
            ords[i] = ord;
            scores[i] = score;
            texts[i] = text;
        }

        private void siftDown(int ord, double score, double text) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) break;
                if (child + 1 < size && worse(scores[child + 1], ords[child + 1], scores[child], ords[child])) child++;
                if (!worse(scores[child], ords[child], score, ord)) break;
                move(child, i);
                i = child;
            }
            put(i, ord, score, text);
        }

        /** Positions in the heap, best first. */
        List<Integer> bestFirst() {
            List<Integer> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) out.add(i);
            out.sort((x, y) -> worse(scores[x], ords[x], scores[y], ords[y]) ? 1 : worse(scores[y], ords[y], scores[x], ords[x]) ? -1 : 0);
            return out;
        }
    }

    private static Eligible collect(ServiceIndex.Snapshot snap, Query q, boolean withText) throws IOException {
        Eligible out = new Eligible(withText);
        snap.searcher.search(q, new SimpleCollector() {
            private NumericDocValues ords;
            private Scorable scorer;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                ords = context.reader().getNumericDocValues(ServiceIndex.ORD);
            }

            @Override
            public void setScorer(Scorable scorer) { this.scorer = scorer; }

            @Override
            public void collect(int doc) throws IOException {
                ords.advanceExact(doc);
                out.add((int) ords.longValue(), withText ? scorer.score() : 0f);
            }

            @Override
            public ScoreMode scoreMode() { return withText ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES; }
        });
        return out;
    }

    private static int count(ServiceIndex.Snapshot snap, Query q) throws IOException {
        return snap.searcher.count(q);
    }

    /** Why each service was or was not returned, checked in plain code (for tests and explanations). */
    List<String> whyNot(Service s, Profile p) {
        Place place = locator.locate(p.postcode(), p.location());
        return Eligibility.whyNot(s, ServiceIndex.placeOf(s, authorities), p, place, vocabulary);
    }
}
