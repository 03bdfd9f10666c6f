package uk.localoffer.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Weights;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs ScalePrepare's check of the eligible sets again over a size it prepared, without
 * preparing it again: the store and index in WORK/SIZE, the SQLite baseline as ScalePrepare left
 * it, PostGIS loaded again into a running cluster when a URL is given. Its answer replaces the
 * verification in OUT/setup-SIZE.json (then run ScaleReport again).
 *
 * <p>Usage: ScaleVerify SIZE WORK OUT PG_URL|none VERIFY_PROFILES
 */
public final class ScaleVerify {
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]).resolve(Integer.toString(size)), out = Path.of(args[2]);
        String pgUrl = args[3].equals("none") ? null : args[3];
        int verify = Integer.parseInt(args[4]);
        Path setupFile = out.resolve("setup-" + size + ".json");
        ObjectNode setup = (ObjectNode) RecordJson.MAPPER.readTree(setupFile.toFile());
        try (Store store = Store.open(work.resolve("directory.sqlite"))) {
            Vocabulary vocabulary = Importer.vocabulary(DataFiles.embedded());
            List<Authority> authorities = store.authorities();
            Map<String, Double> shape = new LinkedHashMap<>();
            setup.path("sourced_dataset_shape").fields().forEachRemaining(e -> shape.put(e.getKey(), e.getValue().asDouble()));
            SyntheticDirectory.Mix mix = "sourced".equals(setup.path("mix").asText()) ? SyntheticDirectory.Mix.of("sourced", shape) : SyntheticDirectory.Mix.ISSUE_7;
            List<Service> services = SyntheticDirectory.generate(size, 42, authorities, mix);
            Map<UUID, Integer> ordOf = new HashMap<>();
            for (int i = 0; i < services.size(); i++) ordOf.put(services.get(i).id(), i);
            List<SqlBaseline> baselines = new ArrayList<>();
            baselines.add(SqliteBaseline.open(work.resolve("baseline.sqlite"), false, vocabulary));
            if (pgUrl != null) {
                PostgisBaseline pg = PostgisBaseline.open(pgUrl, "bench_" + size, true, vocabulary);
                pg.load(services, authorities);
                baselines.add(pg);
            }
            try (Directory directory = new Directory(store, vocabulary, work.resolve("index"), Weights.DEFAULT)) {
                List<Profile> profiles = ScaleProfiles.generate(ScaleProfiles.COUNT, 42, authorities, vocabulary);
                ObjectNode checks = (ObjectNode) setup.path("verification");
                for (SqlBaseline b : baselines)
                    checks.set(b.name(), RecordJson.MAPPER.valueToTree(ScalePrepare.verify(size, b, directory, profiles.subList(0, Math.min(verify, profiles.size())), services, ordOf)));
            } finally {
                for (SqlBaseline b : baselines) b.close();
            }
        }
        RecordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(setupFile.toFile(), setup);
    }
}
