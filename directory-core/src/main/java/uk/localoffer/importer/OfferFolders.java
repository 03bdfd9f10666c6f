package uk.localoffer.importer;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The sourced local offers of the default dataset: one folder per batch of authorities under
 * {@code offers/} (listed in {@code offers/batches.txt}), each with up to four files, one per
 * {@link FileFormat}. Each batch is one source: its records become exactly those in its files.
 */
final class OfferFolders {
    static final String BATCH_LIST = "offers/batches.txt";

    private OfferFolders() { }

    static Offers read(DataFiles files, Instant now, LocalDate today, Vocabulary vocabulary, Map<String, Authority> authorities,
                       Predicate<String> billingCouncils, List<ImportProblem> problems) throws IOException {
        Offers out = Offers.empty();
        for (String batch : batches(files)) {
            String source = "offers/" + batch;
            OfferRows rows = new OfferRows(source, now, today, vocabulary, authorities);
            FileFormat.Rows readers = new FileFormat.Rows(rows, new SourcedRows(source, rows, authorities::containsKey, billingCouncils));
            out.services().put(source, new ArrayList<>());
            out.entitlements().put(source, new ArrayList<>());
            out.routes().put(source, new ArrayList<>());
            out.councilTax().put(source, new ArrayList<>());
            for (FileFormat format : FileFormat.values()) {
                String name = source + "/" + format.fileName;
                if (files.exists(name)) format.readChecked(files.table(name), true, readers, out, source, problems);
            }
        }
        return out;
    }

    /** The batch folders, one name a line ({@code #} starts a comment). */
    static List<String> batches(DataFiles files) throws IOException {
        List<String> out = new ArrayList<>();
        try (Reader r = files.open(BATCH_LIST)) {
            for (String line : new BufferedReader(r).lines().toList()) {
                String name = line.replaceFirst("#.*", "").trim();
                if (!name.isEmpty()) out.add(name);
            }
        }
        return out;
    }
}
