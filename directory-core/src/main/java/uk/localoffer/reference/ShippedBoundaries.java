package uk.localoffer.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Geometry;
import uk.localoffer.geo.GeoJson;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/** The boundary polygons: read from the raw GeoJSON, simplified as far as no postcode's answer changes, written one feature a line. */
final class ShippedBoundaries {
    /** Simplification tolerances tried, in degrees; the largest that changes no answer is kept. */
    static final double[] TOLERANCES = {0, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3};
    /** Decimal places of the shipped boundary coordinates (about a centimetre). */
    static final int DECIMALS = 7;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path shared;
    private final Consumer<String> say;

    ShippedBoundaries(Path shared, Consumer<String> say) {
        this.shared = shared;
        this.say = say;
    }

    Map<String, Geometry> features(String file, String codeProperty, Predicate<String> keep) throws IOException {
        Map<String, Geometry> out = new TreeMap<>();
        for (JsonNode f : JSON.readTree(shared.resolve(file).toFile()).path("features")) {
            String code = f.path("properties").path(codeProperty).asText();
            if (keep.test(code)) out.put(code, GeoJson.geometry(f.path("geometry")));
        }
        return out;
    }

    Map<String, String> names(String file, String codeProperty, String nameProperty) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (JsonNode f : JSON.readTree(shared.resolve(file).toFile()).path("features"))
            out.put(f.path("properties").path(codeProperty).asText(), f.path("properties").path(nameProperty).asText());
        return out;
    }

    static Map<String, Geometry> filter(Map<String, Geometry> shapes, Predicate<String> keep) {
        Map<String, Geometry> out = new TreeMap<>();
        shapes.forEach((code, g) -> { if (keep.test(code)) out.put(code, g); });
        return out;
    }

    /**
     * The most simplified coverage (JTS CoverageSimplifier keeps shared edges shared) whose
     * shipped form, coordinates rounded, still gives every postcode the same answer. The
     * tolerances are tried from the smallest; the first that changes an answer stops the search.
     */
    Map<String, Geometry> simplest(String what, Map<String, Geometry> shapes, Function<Map<String, Geometry>, IntPredicate> sameAnswer,
                                   int postcodes) {
        List<String> codes = new ArrayList<>(shapes.keySet());
        Geometry[] coverage = shapes.values().toArray(Geometry[]::new);
        Map<String, Geometry> kept = null;
        for (double tolerance : TOLERANCES) {
            Geometry[] simplified = tolerance == 0 ? coverage : CoverageSimplifier.simplify(coverage, tolerance);
            Map<String, Geometry> shipped = new TreeMap<>();
            int vertices = 0;
            for (int i = 0; i < codes.size(); i++) {
                Geometry g = GeoJson.parse(GeoJson.write(simplified[i], DECIMALS));
                shipped.put(codes.get(i), g);
                vertices += g.getNumPoints();
            }
            IntPredicate same = sameAnswer.apply(shipped);
            int changed = 0;
            for (int i = 0; i < postcodes; i++) if (!same.test(i)) changed++;
            say.accept(what + ": tolerance " + tolerance + " degrees, " + vertices + " vertices, " + changed + " postcodes change their answer");
            if (changed > 0) break;
            kept = shipped;
        }
        if (kept == null) throw new IllegalStateException(what + ": even unsimplified, rounded to " + DECIMALS + " places, some answers change");
        return kept;
    }

    /** One feature a line, so that a change to one boundary is a one-line diff. */
    void write(Path data, String name, Map<String, Geometry> shapes, Map<String, String> names) throws IOException {
        Path file = data.resolve(name);
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            int i = 0;
            for (var e : shapes.entrySet()) {
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("code", e.getKey());
                properties.put("name", names.get(e.getKey()));
                w.write("{\"type\":\"Feature\",\"properties\":" + JSON.writeValueAsString(properties) + ",\"geometry\":"
                        + GeoJson.write(e.getValue(), DECIMALS) + "}" + (++i < shapes.size() ? "," : "") + "\n");
            }
            w.write("]}\n");
        }
        say.accept(name + ": " + shapes.size() + " polygons, " + Files.size(file) + " bytes");
    }
}
