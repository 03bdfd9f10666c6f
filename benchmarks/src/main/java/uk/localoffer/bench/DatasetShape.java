package uk.localoffer.bench;

import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Service;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a directory as shares of its services: residence (national, a radius, a drawn
 * catchment, an authority's area), and delivery (usable only remotely, in person and remotely, in
 * person only, not recorded). Measured on the sourced default dataset to give the synthetic
 * generator its mix, and on each generated directory to state it.
 */
public final class DatasetShape {
    private DatasetShape() { }

    public static Map<String, Double> of(List<Service> services) {
        double n = Math.max(1, services.size());
        int national = 0, radius = 0, catchment = 0, authorities = 0, remoteOnly = 0, both = 0, inPersonOnly = 0, notRecorded = 0;
        for (Service s : services) {
            switch (s.eligibility().residence().kind()) {
                case NATIONAL -> national++;
                case RADIUS -> radius++;
                case CATCHMENT -> catchment++;
                case AUTHORITIES -> authorities++;
            }
            if (s.delivery().isEmpty()) notRecorded++;
            else if (s.isInPersonOnly()) inPersonOnly++;
            else if (s.delivery().contains(Delivery.IN_PERSON)) both++;
            else remoteOnly++;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("services", (double) services.size());
        m.put("national", national / n);
        m.put("radius", radius / n);
        m.put("catchment", catchment / n);
        m.put("authority_area", authorities / n);
        m.put("remote_only", remoteOnly / n);
        m.put("in_person_and_remote", both / n);
        m.put("in_person_only", inPersonOnly / n);
        m.put("delivery_not_recorded", notRecorded / n);
        return m;
    }

    /** The shape of the sourced default dataset, imported into a throwaway store in {@code work}. */
    public static Map<String, Double> ofDefaultDataset(Path work) throws Exception {
        Path file = work.resolve("sourced-shape.sqlite");
        try (Store store = Store.open(file)) {
            new Importer(store).importDefault(DataFiles.embedded(), new Importer.DefaultOptions(false, false, false));
            return of(store.services());
        } finally {
            for (String suffix : new String[]{"", "-wal", "-shm", ".import-lock"}) Files.deleteIfExists(Path.of(file + suffix));
        }
    }

}
