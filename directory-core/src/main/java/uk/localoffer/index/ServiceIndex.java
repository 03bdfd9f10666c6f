package uk.localoffer.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.FSDirectory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Lucene index of services with their eligibility and geo fields, each service's record kept
 * in it (read back only for the services shown) and the facts the ranking reads kept beside it.
 * It is rebuilt whole from the store into a new folder and then swapped in, so a search sees
 * either the old index or the new one, never half of one; each built folder says which store
 * version it holds, so a restart opens it again when the store has not changed since.
 */
public final class ServiceIndex implements AutoCloseable {
    /** Changed whenever the documents or the facts change shape: an index built by another format is rebuilt. */
    static final String FORMAT = "issue-18.1";
    private static final String BUILT_FROM = "built_from", FACTS = "facts.bin";

    /** How a service's record is kept in the index: as the store keeps it (its JSON), read back only when asked for. */
    public interface Records {
        Service read(String json);

        String write(Service s);
    }

    private final Path root;
    private final Records records;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final Analyzer analyzer = new EnglishAnalyzer();
    private boolean cleaned;

    public ServiceIndex(Path root, Records records) {
        this.root = root;
        this.records = records;
    }

    /** What a built index is keyed by: this program's index format, its vocabulary's labels and the store's version. */
    public static String key(String storeVersion, Vocabulary vocabulary) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String kind : List.of("need", "circumstance"))
                for (Vocabulary.Term t : vocabulary.terms(kind)) sha.update((kind + '\t' + t.code() + '\t' + t.labelEn() + '\n').getBytes(StandardCharsets.UTF_8));
            return FORMAT + "/" + HexFormat.of().formatHex(sha.digest(), 0, 8) + "/" + storeVersion;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Builds a new index from the records {@code records} gives (each service's record JSON as the
     * store keeps it, one at a time) and swaps it in; {@code key} says what it was built from
     * ({@link #key}); {@code aliases}: the other ids a service is found by.
     */
    public void rebuild(Consumer<Consumer<String>> jsonRecords, Map<String, Authority> authorities, Vocabulary vocabulary,
                        Function<Service, Collection<String>> aliases, String key) {
        try {
            Files.createDirectories(root);
            Path dir = root.resolve("gen-" + System.nanoTime());
            FSDirectory directory = FSDirectory.open(dir);
            ServiceFacts.Builder facts = new ServiceFacts.Builder();
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(48)
                    // Documents in ord order, merged into one segment: a document's number is its service's ord.
                    .setIndexSort(new Sort(new SortField(ServiceDocument.ORD, SortField.Type.LONG)));
            try (IndexWriter w = new IndexWriter(directory, config)) {
                IOException[] failed = new IOException[1];
                jsonRecords.accept(json -> {
                    if (failed[0] != null) return;
                    Service s = records.read(json);
                    int ord = facts.size();
                    GeoPoint place = ServiceDocument.placeOf(s, authorities);
                    facts.add(s, place);
                    try {
                        w.addDocument(ServiceDocument.of(ord, s, json, place, s.coveredNations(authorities::get), vocabulary, aliases.apply(s)));
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                });
                if (failed[0] != null) throw failed[0];
                w.forceMerge(1);
                facts.build().save(dir.resolve(FACTS));
                w.setLiveCommitData(Map.of(BUILT_FROM, key).entrySet());
                w.commit();
            }
            swapIn(open(dir, directory), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the search index in " + root, e);
        }
    }

    /** Builds from records in hand (tests and tools): keyed by no store version, so never opened again by {@link #openBuilt}. */
    public void rebuild(List<Service> services, Map<String, Authority> authorities, Vocabulary vocabulary) {
        rebuild(each -> services.forEach(s -> each.accept(records.write(s))), authorities, vocabulary, s -> List.of(), "in-hand/" + System.nanoTime());
    }

    /**
     * Opens the index already built from {@code key} ({@link #key}), if a folder holds it whole, and
     * swaps it in: a restart when the store has not changed reads no record. False when none does.
     */
    public boolean openBuilt(String key) {
        if (!Files.isDirectory(root)) return false;
        List<Path> gens;
        try (Stream<Path> dirs = Files.list(root)) {
            gens = dirs.filter(p -> p.getFileName().toString().startsWith("gen-") && Files.isRegularFile(p.resolve(FACTS))).toList();
        } catch (IOException e) {
            return false;
        }
        for (Path dir : gens) {
            FSDirectory directory = null;
            try {
                directory = FSDirectory.open(dir);
                if (!key.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(BUILT_FROM))) {
                    directory.close();
                    continue;
                }
                swapIn(open(dir, directory), dir);
                return true;
            } catch (IOException | RuntimeException e) {
                try {
                    if (directory != null) directory.close();
                } catch (IOException ignored) {
                    // rebuilt instead
                }
            }
        }
        return false;
    }

    private Snapshot open(Path dir, FSDirectory directory) throws IOException {
        ServiceFacts facts = ServiceFacts.load(dir.resolve(FACTS));
        DirectoryReader reader = DirectoryReader.open(directory);
        if (reader.leaves().size() > 1 || reader.maxDoc() != facts.size() || reader.numDocs() != facts.size()) {
            reader.close();
            throw new IOException("the index in " + dir + " does not match its facts");
        }
        Snapshot fresh = new Snapshot(reader, analyzer, facts, records);
        // A generation is deleted once it has been replaced and its last search is done;
        // the current one stays on disk when the program stops.
        reader.getReaderCacheHelper().addClosedListener(k -> {
            if (fresh.superseded) deleteQuietly(dir, directory);
            else directory.close();
        });
        return fresh;
    }

    private void swapIn(Snapshot fresh, Path dir) throws IOException {
        Snapshot old = current.getAndSet(fresh);
        if (old != null) {
            old.superseded = true;
            old.reader.decRef();
        }
        removeStaleGenerations(dir);
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
