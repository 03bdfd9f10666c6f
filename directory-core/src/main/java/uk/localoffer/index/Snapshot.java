package uk.localoffer.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One built index: its reader and the facts the ranking reads, by {@code ord} (a document's
 * number is its service's ord). Searches answer ords; a service's record is read from the index
 * only when asked for ({@code service(ord)}), for the services shown.
 */
public final class Snapshot {
    final DirectoryReader reader;
    final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final ServiceFacts facts;
    private final FilterCache filters;
    private volatile List<String> organisations;
    volatile boolean superseded;

    private final ServiceIndex.Records records;

    Snapshot(DirectoryReader reader, Analyzer analyzer, ServiceFacts facts, ServiceIndex.Records records) {
        this.records = records;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null);
        this.analyzer = analyzer;
        this.facts = facts;
        this.filters = new FilterCache(searcher, reader.maxDoc());
    }

    public int size() { return facts.size(); }

    /** The service's record, read from the index. */
    public Service service(int ord) {
        try {
            String json = searcher.storedFields().document(ord, Set.of(ServiceDocument.RECORD)).get(ServiceDocument.RECORD);
            return records.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services of these ords, in the order given. */
    public List<Service> services(int[] ords) {
        List<Service> out = new ArrayList<>(ords.length);
        for (int ord : ords) out.add(service(ord));
        return out;
    }

    /** The place used for distance (see {@link ServiceIndex#placeOf}); null when none is known. */
    public GeoPoint place(int ord) { return facts.place(ord); }

    public ServiceFacts facts() { return facts; }

    Analyzer analyzer() { return analyzer; }

    /**
     * The services the criteria make eligible, in index order, with their text relevance when there
     * is text: the rules that say nothing about where the young person lives as kept bit sets
     * ({@link FilterCache}), the area as the kept set of national and host-authority services with the
     * drawn areas holding their point, intersected; then each candidate's exact distance where it
     * counts (a radius area; an in-person-only service with a distance limit), as {@code Eligibility} has it.
     */
    public Hits eligible(Criteria c) {
        FixedBitSet bits = filters.get(Queries.everywhereOrHost(c)).clone();
        bits.or(filters.bits(Queries.drawnAreaAt(c.point())));
        for (Query f : Queries.filters(c)) bits.and(filters.get(f));
        FixedBitSet reachable = c.maxDistanceKm() == null ? null : filters.get(Queries.reachableFromAnywhere());
        Query text = c.hasText() ? Queries.text(analyzer, c.text()) : null;
        TextScores scores = text == null ? null : new TextScores(text, bits);
        Hits out = new Hits(c.hasText());
        GeoPoint point = c.point();
        BitSetIterator it = new BitSetIterator(bits, 0L);
        for (int ord = it.nextDoc(); ord != DocIdSetIterator.NO_MORE_DOCS; ord = it.nextDoc()) {
            double radius = facts.radiusKm(ord);
            if (!Double.isNaN(radius) && !Residence.withinRadius(facts.place(ord), radius, point)) continue;
            // An in-person-only service further than the young person can travel (as Eligibility has it).
            if (reachable != null && !reachable.get(ord) && !facts.place(ord).withinKm(point, c.maxDistanceKm())) continue;
            out.add(ord, scores == null ? 0f : scores.of(ord));
        }
        return out;
    }

    /** BM25 relevance of the free text, for the candidates that match it (in ord order, read as the candidates are). */
    private final class TextScores {
        private int[] docs = new int[256];
        private float[] values = new float[256];
        private int size, at;

        TextScores(Query text, FixedBitSet candidates) {
            try {
                searcher.search(text, new SimpleCollector() {
                    private int docBase;
                    private Scorable scorer;

                    @Override
                    protected void doSetNextReader(LeafReaderContext context) { docBase = context.docBase; }

                    @Override
                    public void setScorer(Scorable scorer) { this.scorer = scorer; }

                    @Override
                    public void collect(int doc) throws IOException {
                        int ord = docBase + doc;
                        if (!candidates.get(ord)) return;
                        if (size == docs.length) {
                            docs = Arrays.copyOf(docs, 2 * size);
                            values = Arrays.copyOf(values, 2 * size);
                        }
                        docs[size] = ord;
                        values[size++] = scorer.score();
                    }

                    @Override
                    public ScoreMode scoreMode() { return ScoreMode.COMPLETE; }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The relevance of {@code ord}, asked in rising order; 0 when it does not match the text. */
        float of(int ord) {
            while (at < size && docs[at] < ord) at++;
            return at < size && docs[at] == ord ? values[at] : 0f;
        }
    }

    /** The services that meet one of the criteria's needs, eligible or not. */
    public Hits meetingNeeds(Criteria c) {
        Hits out = new Hits(false);
        if (c.needs().isEmpty()) {
            for (int ord = 0; ord < size(); ord++) out.add(ord, 0f);
            return out;
        }
        BitSetIterator it = new BitSetIterator(filters.get(Queries.needs(c)), 0L);
        for (int ord = it.nextDoc(); ord != DocIdSetIterator.NO_MORE_DOCS; ord = it.nextDoc()) out.add(ord, 0f);
        return out;
    }

    /** How many services meet one of the criteria's needs. */
    public int countMeetingNeeds(Criteria c) {
        return c.needs().isEmpty() ? size() : filters.get(Queries.needs(c)).cardinality();
    }

    /** The ord of a Lucene document: the same number. */
    int ord(int doc) { return doc; }

    /** The ord of the service with this id. */
    public Optional<Integer> ordOf(UUID id) {
        int[] ords = ords(ServiceDocument.ID, id.toString());
        return ords.length == 0 ? Optional.empty() : Optional.of(ords[0]);
    }

    /** The ord of the service also known by {@code alias} (a place's service_at_location id). */
    public Optional<Integer> ordByAlias(String alias) {
        int[] ords = ords(ServiceDocument.ALIAS, alias);
        return ords.length == 0 ? Optional.empty() : Optional.of(ords[0]);
    }

    /** The ords of an authority's services, in store order. */
    public int[] ofAuthority(String authority) { return ords(ServiceDocument.AUTHORITY, authority); }

    /** The ords of the services an organisation (by its exact name) runs, in store order. */
    public int[] ofOrganisation(String name) { return ords(ServiceDocument.ORGANISATION_NAME, name); }

    /** Every organisation that runs a service, in the order first met (store order). */
    public List<String> organisations() {
        List<String> o = organisations;
        if (o == null) organisations = o = readOrganisations();
        return o;
    }

    private List<String> readOrganisations() {
        List<Object[]> firstOrd = new ArrayList<>();
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(ServiceDocument.ORGANISATION_NAME);
                if (terms == null) continue;
                TermsEnum te = terms.iterator();
                PostingsEnum pe = null;
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    pe = te.postings(pe, PostingsEnum.NONE);
                    firstOrd.add(new Object[]{t.utf8ToString(), leaf.docBase + pe.nextDoc()});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        firstOrd.sort(Comparator.comparingInt(x -> (Integer) x[1]));
        return firstOrd.stream().map(x -> (String) x[0]).toList();
    }

    private int[] ords(String field, String value) {
        int[] out = new int[8];
        int n = 0;
        try {
            Term term = new Term(field, value);
            for (LeafReaderContext leaf : reader.leaves()) {
                PostingsEnum pe = leaf.reader().postings(term, PostingsEnum.NONE);
                if (pe == null) continue;
                for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                    if (n == out.length) out = Arrays.copyOf(out, 2 * n);
                    out[n++] = leaf.docBase + d;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(out, n);
    }
}
