package uk.localoffer.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Service;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One built index: its reader, and the services, their places and their packed facts in the
 * order of their {@code ord}. Searches answer ords; a service is {@code service(ord)}.
 */
public final class Snapshot {
    final DirectoryReader reader;
    final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final Service[] services;
    private final GeoPoint[] places;
    private final ServiceFacts facts;
    volatile boolean superseded;

    Snapshot(DirectoryReader reader, Analyzer analyzer, Service[] services, GeoPoint[] places) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null);
        this.analyzer = analyzer;
        this.services = services;
        this.places = places;
        this.facts = new ServiceFacts(services);
    }

    public int size() { return services.length; }

    public Service service(int ord) { return services[ord]; }

    /** The place used for distance (see {@link ServiceIndex#placeOf}); null when none is known. */
    public GeoPoint place(int ord) { return places[ord]; }

    public ServiceFacts facts() { return facts; }

    Analyzer analyzer() { return analyzer; }

    /** The services the criteria make eligible, in index order, with their text relevance when there is text. */
    public Hits eligible(Criteria c) {
        return collect(Queries.eligible(c, analyzer), c.hasText());
    }

    /** The services that meet one of the criteria's needs, eligible or not. */
    public Hits meetingNeeds(Criteria c) {
        return collect(Queries.needs(c), false);
    }

    /** How many services meet one of the criteria's needs. */
    public int countMeetingNeeds(Criteria c) {
        try {
            return searcher.count(Queries.needs(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ord of a Lucene document. */
    int ord(int doc) throws IOException {
        var leaves = reader.leaves();
        var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues ords = leaf.reader().getNumericDocValues(ServiceDocument.ORD);
        ords.advanceExact(doc - leaf.docBase);
        return (int) ords.longValue();
    }

    private Hits collect(Query q, boolean withText) {
        Hits out = new Hits(withText);
        try {
            searcher.search(q, new SimpleCollector() {
                private NumericDocValues ords;
                private Scorable scorer;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    ords = context.reader().getNumericDocValues(ServiceDocument.ORD);
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
