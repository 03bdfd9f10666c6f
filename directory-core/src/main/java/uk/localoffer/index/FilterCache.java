package uk.localoffer.index;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of one built index kept as bit sets (one bit a service), the least recently used
 * dropped first past a budget: filters that say nothing about where a young person lives (a set
 * of needs, an age, a status, a home authority) or only which authority they live in are shared
 * by many searches, and intersecting bit sets costs a few microseconds where running the filters
 * again would read their postings for every candidate.
 */
final class FilterCache {
    /** The heap all of one index's bit sets may take (at 1,000,000 services, a bit set is 125 KB). */
    static final long BUDGET_BYTES = 64L << 20;

    private final IndexSearcher searcher;
    private final int maxDoc, capacity;
    private final Map<Query, FixedBitSet> kept = new LinkedHashMap<>(64, 0.75f, true);

    FilterCache(IndexSearcher searcher, int maxDoc) {
        this.searcher = searcher;
        this.maxDoc = maxDoc;
        this.capacity = (int) Math.max(16, BUDGET_BYTES / (maxDoc / 8 + 64));
    }

    /** The services {@code filter} keeps, as a bit set: never changed by the caller. */
    FixedBitSet get(Query filter) {
        synchronized (kept) {
            FixedBitSet b = kept.get(filter);
            if (b != null) return b;
        }
        FixedBitSet b = bits(filter);
        synchronized (kept) {
            kept.put(filter, b);
            if (kept.size() > capacity) kept.remove(kept.keySet().iterator().next());
        }
        return b;
    }

    /** The services {@code query} matches, as a new bit set (not kept). */
    FixedBitSet bits(Query query) {
        FixedBitSet out = new FixedBitSet(Math.max(1, maxDoc));
        try {
            searcher.search(query, new SimpleCollector() {
                private int docBase;

                @Override
                protected void doSetNextReader(LeafReaderContext context) { docBase = context.docBase; }

                @Override
                public void collect(int doc) { out.set(docBase + doc); }

                @Override
                public ScoreMode scoreMode() { return ScoreMode.COMPLETE_NO_SCORES; }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
