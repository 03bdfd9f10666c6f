package uk.localoffer.search;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.GeoPoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Directory search for lists (the Open Referral UK /services endpoint and the public pages):
 * filters, then relevance (with text), distance (with a point) or name order, one page at a time.
 */
public final class Browse {
    /** A list query; {@code terms} filters by vocabulary kind (need, circumstance, threshold, delivery, status) to codes. */
    public record Query_(String text, java.util.Map<String, Set<String>> terms, String organisation, Instant modifiedAfter, Integer age,
                         GeoPoint near, Double withinKm, String language, Delivery delivery, String authority,
                         int page, int perPage) { }

    public record Hit(Service service, Double distanceKm) { }

    public record Page(List<Hit> hits, long total, int page, int perPage) {
        public int totalPages() { return total == 0 ? 0 : (int) ((total + perPage - 1) / perPage); }
    }

    private final ServiceIndex index;

    public Browse(ServiceIndex index) { this.index = index; }

    public Page search(Query_ q) {
        ServiceIndex.Snapshot snap = index.acquire();
        try {
            Query query = query(q);
            int want = q.page() * q.perPage();
            Sort sort;
            if (q.near() != null) sort = new Sort(LatLonDocValuesField.newDistanceSort(ServiceIndex.PLACE, q.near().lat(), q.near().lon()));
            else if (q.text() != null) sort = new Sort(SortField.FIELD_SCORE, new SortField(ServiceIndex.NAME_SORT, SortField.Type.STRING));
            else sort = new Sort(new SortField(ServiceIndex.NAME_SORT, SortField.Type.STRING));
            TopDocs top = snap.searcher.search(query, Math.max(1, want), sort, q.text() != null);
            long total = snap.searcher.count(query);
            List<Hit> hits = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = (q.page() - 1) * q.perPage(); i < docs.length; i++) {
                int ord = ord(snap, docs[i].doc);
                GeoPoint place = snap.places[ord];
                Double km = q.near() != null && place != null ? place.distanceKm(q.near()) : null;
                hits.add(new Hit(snap.services[ord], km));
            }
            return new Page(hits, total, q.page(), q.perPage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(snap);
        }
    }

    private static String field(String kind) {
        return switch (kind) {
            case "need" -> ServiceIndex.NEED;
            case "circumstance" -> ServiceIndex.CIRCUMSTANCE;
            case "threshold" -> ServiceIndex.THRESHOLD;
            case "delivery" -> ServiceIndex.DELIVERY;
            case "status" -> ServiceIndex.STATUS;
            default -> throw new IllegalArgumentException("no filter for kind " + kind);
        };
    }

    private static int ord(ServiceIndex.Snapshot snap, int doc) throws IOException {
        var leaves = snap.reader.leaves();
        var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues ords = leaf.reader().getNumericDocValues(ServiceIndex.ORD);
        ords.advanceExact(doc - leaf.docBase);
        return (int) ords.longValue();
    }

    private Query query(Query_ q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new MatchAllDocsQuery(), Occur.FILTER);
        if (q.text() != null) {
            Query t = new QueryBuilder(index.analyzer()).createBooleanQuery(ServiceIndex.TEXT, q.text());
            if (t != null) b.add(t, Occur.MUST);
            else b.add(new MatchAllDocsQuery(), Occur.MUST_NOT); // only stop words: nothing matches
        }
        if (q.terms() != null)
            q.terms().forEach((kind, codes) -> b.add(new TermInSetQuery(field(kind), codes.stream().map(BytesRef::new).toList()), Occur.FILTER));
        if (q.organisation() != null)
            b.add(new TermQuery(new Term(ServiceIndex.ORGANISATION, q.organisation().toLowerCase(Locale.ROOT))), Occur.FILTER);
        if (q.modifiedAfter() != null)
            b.add(LongPoint.newRangeQuery(ServiceIndex.MODIFIED, q.modifiedAfter().getEpochSecond() + 1, Long.MAX_VALUE), Occur.FILTER);
        if (q.age() != null) {
            b.add(Matcher.range(ServiceIndex.AGE_MIN, Integer.MIN_VALUE, q.age()), Occur.FILTER);
            b.add(Matcher.range(ServiceIndex.AGE_MAX, q.age(), Integer.MAX_VALUE), Occur.FILTER);
        }
        if (q.near() != null && q.withinKm() != null)
            b.add(LatLonPoint.newDistanceQuery(ServiceIndex.PLACE, q.near().lat(), q.near().lon(), q.withinKm() * 1000), Occur.FILTER);
        if (q.language() != null) b.add(new TermQuery(new Term(ServiceIndex.LANGUAGE, q.language())), Occur.FILTER);
        if (q.delivery() != null) b.add(new TermQuery(new Term(ServiceIndex.DELIVERY, q.delivery().code())), Occur.FILTER);
        if (q.authority() != null) {
            BooleanQuery.Builder a = new BooleanQuery.Builder();
            a.add(new TermQuery(new Term(ServiceIndex.AUTHORITY, q.authority())), Occur.SHOULD);
            a.add(new TermQuery(new Term(ServiceIndex.RESIDENCE_AUTHORITY, q.authority())), Occur.SHOULD);
            b.add(a.build(), Occur.FILTER);
        }
        return b.build();
    }
}
