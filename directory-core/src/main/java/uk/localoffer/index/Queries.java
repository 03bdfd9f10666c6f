package uk.localoffer.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonShape;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.ShapeField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import uk.localoffer.domain.GeoPoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static uk.localoffer.index.ServiceDocument.*;

/** Lucene queries over {@link ServiceDocument}s: the eligibility filters of a {@link Criteria}, and the pieces lists share. */
final class Queries {
    private Queries() { }

    /** Services meeting at least one of the need codes; all services when there are none. */
    static Query needs(Criteria c) {
        if (c.needs().isEmpty()) return new MatchAllDocsQuery();
        return anyOf(NEED, c.needs());
    }

    /**
     * The hard eligibility rules that say nothing about where the young person lives, one filter
     * each (need, age, status, home authority, exclusions, nation, delivery): the same for many
     * young people, so the index keeps each as a bit set between searches ({@link Snapshot#eligible}).
     */
    static List<Query> filters(Criteria c) {
        List<Query> out = new ArrayList<>();
        if (!c.needs().isEmpty()) out.add(needs(c));
        if (c.age() != null) {
            BooleanQuery.Builder a = new BooleanQuery.Builder();
            ages(a, c.age());
            out.add(a.build());
        }
        if (c.status() != null) out.add(anyOf(STATUS, List.of(ANY, c.status())));
        out.add(c.home() == null ? new TermQuery(new Term(ACCEPTS, ANY)) : anyOf(ACCEPTS, List.of(ANY, c.home())));
        for (String x : c.excluding())
            out.add(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(new TermQuery(new Term(EXCLUSION, x)), Occur.MUST_NOT).build());
        if (c.hostNation() != null) {
            // Nothing only for the other nation, unless it is the home authority's own (its offer follows them).
            BooleanQuery.Builder nation = new BooleanQuery.Builder();
            nation.add(new TermQuery(new Term(NATION, c.hostNation().label())), Occur.SHOULD);
            nation.add(new TermQuery(new Term(NATION, ANY)), Occur.SHOULD);
            if (c.home() != null) nation.add(new TermQuery(new Term(ACCEPTS, c.home())), Occur.SHOULD);
            out.add(nation.build());
        }
        if (!c.delivery().isEmpty()) out.add(anyOf(DELIVERY, c.delivery()));
        return out;
    }

    /** Services whose area is everywhere, or the authority the young person lives in: the same for everyone living there. */
    static Query everywhereOrHost(Criteria c) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(RESIDENCE, "national")), Occur.SHOULD);
        if (c.hostAuthority() != null) b.add(new TermQuery(new Term(RESIDENCE_AUTHORITY, c.hostAuthority())), Occur.SHOULD);
        return b.build();
    }

    /** Services with a drawn area (a catchment, or the box around a radius: see {@link ServiceDocument#residenceArea}) holding the point. */
    static Query drawnAreaAt(GeoPoint point) {
        return LatLonShape.newPointQuery(RESIDENCE_AREA, ShapeField.QueryRelation.INTERSECTS, new double[]{point.lat(), point.lon()});
    }

    /**
     * Services anyone can reach however far they live: usable other than in person, or with no
     * place recorded (distance cannot be judged: kept, with a warning from the ranking). The others
     * are checked by their distance ({@link Snapshot#eligible}).
     */
    static Query reachableFromAnywhere() {
        BooleanQuery.Builder reach = new BooleanQuery.Builder();
        reach.add(new TermQuery(new Term(IN_PERSON_ONLY, "no")), Occur.SHOULD);
        reach.add(new TermQuery(new Term(PLACE_UNKNOWN, "yes")), Occur.SHOULD);
        return reach.build();
    }

    /** Services whose age range holds {@code age}. */
    static void ages(BooleanQuery.Builder b, int age) {
        b.add(range(AGE_MIN, Integer.MIN_VALUE, age), Occur.FILTER);
        b.add(range(AGE_MAX, age, Integer.MAX_VALUE), Occur.FILTER);
    }

    /** An age limit: read from the points when it is selective, from doc values when another clause leads. */
    private static Query range(String field, int lower, int upper) {
        return new IndexOrDocValuesQuery(IntPoint.newRangeQuery(field, lower, upper),
                NumericDocValuesField.newSlowRangeQuery(field, lower, upper));
    }

    static Query anyOf(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    /** The words of {@code text} against name, description and labels; null when it holds only stop words. */
    static Query text(Analyzer analyzer, String text) {
        return new QueryBuilder(analyzer).createBooleanQuery(TEXT, text);
    }
}
