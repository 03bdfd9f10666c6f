package uk.localoffer.importer;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.oruk.OrukSchemas;
import uk.localoffer.store.Changes;
import uk.localoffer.store.ImportLock;
import uk.localoffer.store.Store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings data into the store. Every input is read and checked in full first; only when no
 * error was found is anything written, in one transaction. A failed import changes nothing.
 */
public final class Importer {
    public static final String ILLUSTRATIVE_SOURCE = "illustrative";
    /** Where the sources of what authorities write with their keys begin ("authority/E08000012"). */
    public static final String AUTHORITY_SOURCES = "authority/";
    /** Sources earlier versions of the default dataset wrote: emptied by a default import. */
    static final List<String> RETIRED_SOURCES = List.of("brief-research-2022", "national");
    /** The May 2022 review table and the boundaries, as shipped in data/ (see data/SOURCES.md). */
    public static final String REVIEW_TABLE = "wwcsc_la_wellbeing_offers_2022.csv";
    public static final String AUTHORITY_BOUNDARIES = "boundaries/ctyua_dec2023_ew.geojson";
    public static final String DISTRICT_BOUNDARIES = "boundaries/lad_may2024_districts.geojson";

    private final Store store;
    private final PrintStream progress;
    private final Clock clock;
    private BiConsumer<String, Changes> written = (what, changes) -> { };
    /** How long an import waits for another into the same store to finish (see {@link ImportLock}). */
    private Duration lockWait = Duration.ofHours(1);

    public Importer(Store store) { this(store, null); }

    /** {@code progress}, when given, hears when checking is done and writing starts. */
    public Importer(Store store, PrintStream progress) { this(store, progress, Clock.systemDefaultZone()); }

    /** {@code clock}: what "now" is, for import times and dates in the future. */
    public Importer(Store store, PrintStream progress, Clock clock) {
        this.store = store;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * {@code listener} hears each kind of record of each source as it is written, inside the
     * transaction, before anything is committed: "services (big-offer)" and what changed.
     */
    public Importer onWritten(BiConsumer<String, Changes> listener) {
        this.written = listener;
        return this;
    }

    /** How long to wait for another import into the same store to finish; zero: fail at once saying another import is running. */
    public Importer waitingAtMost(Duration wait) {
        this.lockWait = wait;
        return this;
    }

    /** One import at a time into a store: held from the first read of the store to the commit. */
    private ImportLock lock() {
        return ImportLock.acquire(store.file(), lockWait, this::progress, clock);
    }

    private void progress(String line) {
        if (progress != null) {
            progress.println(line);
            progress.flush();
        }
    }

    /**
     * Options for the default import.
     *
     * @param dryRun        check and compare, change nothing
     * @param referenceOnly load the reference data (authorities, districts, boundaries, review table) but no services
     * @param withExamples  add the illustrative records (invented, marked everywhere they show)
     */
    public record DefaultOptions(boolean dryRun, boolean referenceOnly, boolean withExamples) {
        public static DefaultOptions everything() { return new DefaultOptions(false, false, false); }

        public DefaultOptions withExamples(boolean examples) { return new DefaultOptions(dryRun, referenceOnly, examples); }
    }

    public static Vocabulary vocabulary(DataFiles files) throws IOException {
        List<Vocabulary.Term> terms = new ArrayList<>();
        for (CsvTable.Row r : files.table("vocabulary.csv").rows())
            terms.add(new Vocabulary.Term(r.get("kind"), r.get("code"), r.get("parent"), r.get("label_en"), r.get("label_cy")));
        return new Vocabulary(terms);
    }

    /** Loads the whole default dataset: the reference data, then the sourced offers (and, when asked, the illustrative ones). */
    public ImportReport importDefault(DataFiles files, DefaultOptions options) throws IOException {
        try (ImportLock ignored = lock()) {
            return importDefaultLocked(files, options);
        }
    }

    private ImportReport importDefaultLocked(DataFiles files, DefaultOptions options) throws IOException {
        ImportReport report = new ImportReport();
        List<ImportProblem> problems = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Vocabulary vocabulary = vocabulary(files);
        ReferenceData reference = ReferenceData.read(files, problems, report);
        Map<String, Authority> byCode = reference.byCode();
        Set<String> councilCodes = reference.districtCouncils().stream().map(DistrictCouncil::code).collect(Collectors.toSet());
        Offers offers = OfferFolders.read(files, now, today, vocabulary, byCode, c -> byCode.containsKey(c) || councilCodes.contains(c), problems);
        for (String retired : RETIRED_SOURCES) offers.services().put(retired, List.of());
        offers.services().put(ILLUSTRATIVE_SOURCE, List.of());
        offers.entitlements().put(ILLUSTRATIVE_SOURCE, List.of());
        if (options.withExamples()) {
            Offers examples = new IllustrativeOffers(reference.authorities(), reference.reviewRows())
                    .read(files, new OfferRows(ILLUSTRATIVE_SOURCE, now, today, vocabulary, byCode), problems);
            offers.services().putAll(examples.services());
            offers.entitlements().putAll(examples.entitlements());
        }
        offers.services().values().forEach(list -> Duplicates.withinSource(list, problems));
        Map<String, List<AuthorityRoute>> routesByAuthority = offers.routes().values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(AuthorityRoute::authorityCode));
        List<Authority> withRoutes = reference.authorities().stream().map(a -> a.withRoutes(routesByAuthority.getOrDefault(a.code(), List.of()))).toList();

        report.addAll(problems);
        report.failIfErrors();
        progress("checked the default dataset; writing");
        Store.Work<Void> work = w -> {
            w.upsertAuthorities(reference.authorities());
            w.replacePostcodeDistricts(reference.postcodeDistricts());
            w.replaceReviewRows(reference.reviewRows());
            w.replaceBoundaries(AUTHORITY_BOUNDARIES, reference.boundaries());
            w.replaceDistrictCouncils(reference.districtCouncils(), reference.districtBoundaries());
            if (options.referenceOnly()) return null;
            w.upsertAuthorities(withRoutes);
            for (String source : offers.sources()) {
                long run = w.startImportRun(source, "default dataset");
                Changes all = Changes.NONE;
                for (FileFormat format : FileFormat.values()) {
                    Changes c = format.write(w, offers, source, run);
                    report.changed(format.label + " (" + source + ")", c);
                    written.accept(format.label + " (" + source + ")", c);
                    all = all.plus(c);
                }
                w.finishImportRun(run, all);
            }
            return null;
        };
        if (options.dryRun()) store.dryRun(work); else store.write(work);
        report.note(reference.authorities().size() + " authorities, " + reference.districtCouncils().size() + " district councils, "
                + reference.postcodeDistricts().size() + " postcode districts");
        return report;
    }

    /**
     * Imports services or entitlements CSV files (docs/data-format.md), each file a source of its
     * own unless {@code source} is given: the source's records become exactly those in the file.
     */
    public ImportReport importFiles(List<Path> paths, String source, Vocabulary vocabulary, boolean dryRun) throws IOException {
        return importFiles(paths, source, vocabulary, null, dryRun);
    }

    /** As above; {@code schemas}, when given, checks Open Referral UK JSON files against the standard. */
    public ImportReport importFiles(List<Path> paths, String source, Vocabulary vocabulary, OrukSchemas schemas, boolean dryRun) throws IOException {
        try (ImportLock ignored = lock()) {
            return importFilesLocked(paths, source, vocabulary, schemas, dryRun);
        }
    }

    private ImportReport importFilesLocked(List<Path> paths, String source, Vocabulary vocabulary, OrukSchemas schemas, boolean dryRun) throws IOException {
        ImportReport report = new ImportReport();
        List<ImportProblem> problems = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Map<String, Authority> byCode = store.authorities().stream().collect(Collectors.toMap(Authority::code, Function.identity()));
        if (byCode.isEmpty()) {
            report.add(new ImportProblem(ImportProblem.Severity.ERROR, paths.isEmpty() ? "-" : paths.get(0).toString(), "store", null,
                    "the store has no authorities yet: run the import with no files first to load the default dataset"));
            report.failIfErrors();
        }
        Offers offers = Offers.empty();
        for (Path p : paths) {
            String src = source != null ? source : p.getFileName().toString().replaceFirst("\\.csv$", "");
            if (src.equals(ILLUSTRATIVE_SOURCE) || RETIRED_SOURCES.contains(src) || src.startsWith("offers/"))
                problems.add(new ImportProblem(ImportProblem.Severity.ERROR, p.toString(), "file name", null,
                        "source '" + src + "' belongs to the default dataset; rename the file or pass --source NAME"));
            if (src.startsWith(AUTHORITY_SOURCES))
                problems.add(new ImportProblem(ImportProblem.Severity.ERROR, p.toString(), "file name", null,
                        "source '" + src + "' holds what an authority wrote with its API key; pass another --source NAME"));
            String text = utf8(p, problems);
            if (text == null) continue;
            RecordReader.Read read = new RecordReader(src, now, today, vocabulary, byCode, schemas)
                    .file(p.toString(), text, p.getFileName().toString().toLowerCase().endsWith(".json"), problems);
            offers.add(src, read);
        }
        for (var e : offers.services().entrySet()) Duplicates.withinSource(e.getValue(), problems);
        Duplicates.againstOtherSources(store.services(), offers.services(), problems);
        report.addAll(problems);
        report.failIfErrors();
        progress("checked " + offers.serviceCount() + " services and " + offers.entitlementCount() + " entitlements; "
                + (dryRun ? "comparing with the store" : "writing"));
        Store.Work<Void> work = w -> {
            for (FileFormat format : FileFormat.values())
                for (String src : sources(offers, format)) {
                    long run = w.startImportRun(src, paths.toString());
                    Changes c = format.write(w, offers, src, run);
                    w.finishImportRun(run, c);
                    report.changed(format.label + " (" + src + ")", c);
                    written.accept(format.label + " (" + src + ")", c);
                }
            return null;
        };
        if (dryRun) store.dryRun(work); else store.write(work);
        return report;
    }

    /** The sources with records of one kind in a file import. */
    private static Set<String> sources(Offers offers, FileFormat format) {
        return switch (format) {
            case SERVICES -> offers.services().keySet();
            case ENTITLEMENTS -> offers.entitlements().keySet();
            case COUNCIL_TAX -> offers.councilTax().keySet();
            case ROUTES -> offers.routes().keySet();
        };
    }

    /** The file's text; null (with a problem) when it is not UTF-8. */
    private static String utf8(Path p, List<ImportProblem> problems) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(ImportProblem.error(p.toString(), 1, null, "the file is not UTF-8 text"));
            return null;
        }
    }
}
