package uk.localoffer.index;

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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static uk.localoffer.index.ServiceDocument.*;

/** Directory search for lists (the Open Referral UK lists and the public pages), one page at a time. */
public final class Browse {
    public record Hit(Service service, Double distanceKm) { }

    public record Page(List<Hit> hits, long total, int page, int perPage) { }

    private final ServiceIndex index;

    public Browse(ServiceIndex index) { this.index = index; }

    public Page search(BrowseQuery q) {
        return index.search(snap -> {
            try {
                return search(snap, q);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Page search(Snapshot snap, BrowseQuery q) throws IOException {
        Query query = query(snap, q);
        int want = q.page() * q.perPage();
        Sort sort;
        if (q.near() != null) sort = new Sort(LatLonDocValuesField.newDistanceSort(PLACE, q.near().lat(), q.near().lon()));
        else if (q.text() != null) sort = new Sort(SortField.FIELD_SCORE, new SortField(NAME_SORT, SortField.Type.STRING));
        else sort = new Sort(new SortField(NAME_SORT, SortField.Type.STRING));
        TopDocs top = snap.searcher.search(query, Math.max(1, want), sort, q.text() != null);
        long total = snap.searcher.count(query);
        List<Hit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = (q.page() - 1) * q.perPage(); i < docs.length; i++) {
            int ord = snap.ord(docs[i].doc);
            GeoPoint place = snap.place(ord);
            Double km = q.near() != null && place != null ? place.distanceKm(q.near()) : null;
            hits.add(new Hit(snap.service(ord), km));
        }
        return new Page(hits, total, q.page(), q.perPage());
    }

    private static String field(String kind) {
        return switch (kind) {
            case "need" -> NEED;
            case "circumstance" -> CIRCUMSTANCE;
            case "threshold" -> THRESHOLD;
            case "delivery" -> DELIVERY;
            case "status" -> STATUS;
            default -> throw new IllegalArgumentException("no filter for kind " + kind);
        };
    }

    private static Query query(Snapshot snap, BrowseQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new MatchAllDocsQuery(), Occur.FILTER);
        if (q.text() != null) {
            Query t = Queries.text(snap.analyzer(), q.text());
            if (t != null) b.add(t, Occur.MUST);
            else b.add(new MatchAllDocsQuery(), Occur.MUST_NOT); // only stop words: nothing matches
        }
        if (q.terms() != null) q.terms().forEach((kind, codes) -> b.add(Queries.anyOf(field(kind), codes), Occur.FILTER));
        if (q.organisation() != null) b.add(new TermQuery(new Term(ORGANISATION, q.organisation().toLowerCase(Locale.ROOT))), Occur.FILTER);
        if (q.modifiedAfter() != null)
            b.add(LongPoint.newRangeQuery(MODIFIED, q.modifiedAfter().getEpochSecond() + 1, Long.MAX_VALUE), Occur.FILTER);
        if (q.age() != null) Queries.ages(b, q.age());
        if (q.near() != null && q.withinKm() != null)
            b.add(LatLonPoint.newDistanceQuery(PLACE, q.near().lat(), q.near().lon(), q.withinKm() * 1000), Occur.FILTER);
        if (q.language() != null) b.add(new TermQuery(new Term(LANGUAGE, q.language())), Occur.FILTER);
        if (q.delivery() != null) b.add(new TermQuery(new Term(DELIVERY, q.delivery().code())), Occur.FILTER);
        if (q.authority() != null) {
            BooleanQuery.Builder a = new BooleanQuery.Builder();
            a.add(new TermQuery(new Term(AUTHORITY, q.authority())), Occur.SHOULD);
            a.add(new TermQuery(new Term(RESIDENCE_AUTHORITY, q.authority())), Occur.SHOULD);
            b.add(a.build(), Occur.FILTER);
        }
        return b.build();
    }
}
