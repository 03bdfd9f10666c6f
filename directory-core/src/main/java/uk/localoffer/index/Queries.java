package uk.localoffer.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
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

    /** Every hard eligibility rule as a FILTER clause; free text as a SHOULD clause that only ranks. */
    static Query eligible(Criteria c, Analyzer analyzer) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(needs(c), Occur.FILTER);
        if (c.age() != null) ages(b, c.age());
        if (c.status() != null) b.add(anyOf(STATUS, List.of(ANY, c.status())), Occur.FILTER);
        b.add(c.home() == null ? new TermQuery(new Term(ACCEPTS, ANY)) : anyOf(ACCEPTS, List.of(ANY, c.home())), Occur.FILTER);
        for (String x : c.excluding()) b.add(new TermQuery(new Term(EXCLUSION, x)), Occur.MUST_NOT);

        if (c.hostNation() != null) {
            // Nothing only for the other nation, unless it is the home authority's own (its offer follows them).
            BooleanQuery.Builder nation = new BooleanQuery.Builder();
            nation.add(new TermQuery(new Term(NATION, c.hostNation().label())), Occur.SHOULD);
            nation.add(new TermQuery(new Term(NATION, ANY)), Occur.SHOULD);
            if (c.home() != null) nation.add(new TermQuery(new Term(ACCEPTS, c.home())), Occur.SHOULD);
            b.add(nation.build(), Occur.FILTER);
        }

        BooleanQuery.Builder area = new BooleanQuery.Builder();
        area.add(new TermQuery(new Term(RESIDENCE, "national")), Occur.SHOULD);
        if (c.hostAuthority() != null) area.add(new TermQuery(new Term(RESIDENCE_AUTHORITY, c.hostAuthority())), Occur.SHOULD);
        area.add(LatLonShape.newPointQuery(RESIDENCE_AREA, ShapeField.QueryRelation.INTERSECTS,
                new double[]{c.point().lat(), c.point().lon()}), Occur.SHOULD);
        b.add(area.build(), Occur.FILTER);

        if (c.maxDistanceKm() != null) {
            BooleanQuery.Builder reach = new BooleanQuery.Builder();
            reach.add(new TermQuery(new Term(IN_PERSON_ONLY, "no")), Occur.SHOULD);
            // Distance cannot be judged without a place: kept, with a warning from the ranking.
            reach.add(new TermQuery(new Term(PLACE_UNKNOWN, "yes")), Occur.SHOULD);
            double metres = c.maxDistanceKm() * 1000;
            reach.add(new IndexOrDocValuesQuery(
                    LatLonPoint.newDistanceQuery(PLACE, c.point().lat(), c.point().lon(), metres),
                    LatLonDocValuesField.newSlowDistanceQuery(PLACE, c.point().lat(), c.point().lon(), metres)), Occur.SHOULD);
            b.add(reach.build(), Occur.FILTER);
        }
        if (!c.delivery().isEmpty()) b.add(anyOf(DELIVERY, c.delivery()), Occur.FILTER);
        if (c.hasText()) {
            Query text = text(analyzer, c.text());
            if (text != null) b.add(text, Occur.SHOULD);
        }
        return b.build();
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
