package uk.localoffer.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Lucene index of services with their eligibility and geo fields. It is always rebuilt
 * whole from the store into a new folder and then swapped in, so a search sees either the
 * old index or the new one, never half of one.
 */
public final class ServiceIndex implements AutoCloseable {
    private final Path root;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final Analyzer analyzer = new EnglishAnalyzer();
    private boolean cleaned;

    public ServiceIndex(Path root) {
        this.root = root;
    }

    /** Builds a new index from {@code services} and swaps it in. */
    public void rebuild(List<Service> services, Map<String, Authority> authorities, Vocabulary vocabulary) {
        try {
            Files.createDirectories(root);
            Path dir = root.resolve("gen-" + System.nanoTime());
            Service[] byOrd = services.toArray(Service[]::new);
            GeoPoint[] places = new GeoPoint[byOrd.length];
            FSDirectory directory = FSDirectory.open(dir);
            try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
                for (int i = 0; i < byOrd.length; i++) {
                    places[i] = ServiceDocument.placeOf(byOrd[i], authorities);
                    w.addDocument(ServiceDocument.of(i, byOrd[i], places[i], byOrd[i].coveredNations(authorities::get), vocabulary));
                }
                w.forceMerge(1);
                w.commit();
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            Snapshot fresh = new Snapshot(reader, analyzer, byOrd, places);
            // A generation is deleted once it has been replaced and its last search is done;
            // the current one stays on disk when the program stops.
            reader.getReaderCacheHelper().addClosedListener(key -> {
                if (fresh.superseded) deleteQuietly(dir, directory);
                else directory.close();
            });
            Snapshot old = current.getAndSet(fresh);
            if (old != null) {
                old.superseded = true;
                old.reader.decRef();
            }
            removeStaleGenerations(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the search index in " + root, e);
        }
    }

    /** The place used for distance: the service's first place, else its authority's centre (approximate). */
    public static GeoPoint placeOf(Service s, Map<String, Authority> authorities) {
        return ServiceDocument.placeOf(s, authorities);
    }

    /** Takes the current index for one search; give it back with {@link #release}. */
    public Snapshot acquire() {
        while (true) {
            Snapshot s = current.get();
            if (s == null) throw new IllegalStateException("the search index has not been built yet");
            if (s.reader.tryIncRef()) return s;
        }
    }

    public void release(Snapshot s) {
        try {
            s.reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code search} on the current index, holding it until the search is done. */
    public <T> T search(Function<Snapshot, T> search) {
        Snapshot snap = acquire();
        try {
            return search.apply(snap);
        } finally {
            release(snap);
        }
    }

    public int size() {
        Snapshot s = current.get();
        return s == null ? 0 : s.size();
    }

    /** Removes generations left by earlier processes; this process's old ones go when their reader closes. */
    private void removeStaleGenerations(Path keep) throws IOException {
        if (cleaned) return;
        cleaned = true;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path p : dirs.filter(p -> p.getFileName().toString().startsWith("gen-") && !p.equals(keep)).toList()) deleteTree(p);
        }
    }

    private static void deleteQuietly(Path dir, FSDirectory directory) {
        try {
            directory.close();
            deleteTree(dir);
        } catch (IOException ignored) {
            // a later rebuild removes it
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    @Override
    public void close() {
        Snapshot s = current.getAndSet(null);
        if (s != null) release(s);
    }
}
