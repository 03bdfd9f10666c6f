package uk.localoffer.reference;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.geo.Boundaries;
import uk.localoffer.geo.Wkt;
import uk.localoffer.importer.CsvOut;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Postcodes where placing to the postcode matters, with the answers of the unsimplified
 * polygons: near another authority, near another district of the same county, outside every
 * polygon (coast), Scottish ones near England, and ones in postcode districts split between
 * authorities. Drawn with a fixed seed, so the same inputs give the same sample.
 */
final class BoundarySample {
    /** "Near a boundary": within 0.001 degree of another polygon, about 110 m north-south and 70 m east-west. */
    static final double NEAR = 0.001;
    private static final Map<String, Integer> QUOTA = Map.of("authority_edge", 1000, "district_edge", 500, "coast", 100,
            "scotland_border", 50, "split_outcode", 350);

    private BoundarySample() { }

    /**
     * @param outcodeShare each postcode district's share in its main authority (those not placed by "nearest")
     * @return the postcodes chosen, by their index, with the kind each was chosen as
     */
    static Map<Integer, String> choose(NsplPostcodes postcodes, String[] authority, String[] district, Map<String, Geometry> authorities,
                                       Map<String, Geometry> districts, List<DistrictCouncil> councils, Map<String, Double> outcodeShare,
                                       java.util.function.Consumer<String> say) {
        Near nearAuthority = new Near(authorities);
        Near nearDistrict = new Near(districts);
        Boundaries ew = new Boundaries(authorities);
        Map<String, String> countyOf = new HashMap<>();
        for (DistrictCouncil c : councils) countyOf.put(c.code(), c.authorityCode());
        Map<String, List<Integer>> candidates = new LinkedHashMap<>();
        for (String kind : List.of("authority_edge", "district_edge", "coast", "scotland_border", "split_outcode")) candidates.put(kind, new ArrayList<>());
        for (int i = 0; i < postcodes.size(); i++) {
            GeoPoint p = postcodes.point(i);
            String a = authority[i];
            if (!DeriveReferenceData.inEnglandOrWales(a)) {
                if (ew.authorityAt(p, 0.03).isPresent()) candidates.get("scotland_border").add(i);
                continue;
            }
            if (ew.authorityAt(p, 0).isEmpty()) candidates.get("coast").add(i);
            if (nearAuthority.nearOther(p, a, code -> true)) candidates.get("authority_edge").add(i);
            if (district[i] != null && nearDistrict.nearOther(p, district[i], code -> a.equals(countyOf.get(code)))) candidates.get("district_edge").add(i);
            Double share = outcodeShare.get(postcodes.code()[i].split(" ")[0]);
            if (share != null && share < 0.9) candidates.get("split_outcode").add(i);
        }
        Random random = new Random(11);
        Map<Integer, String> chosen = new TreeMap<>();
        for (var e : candidates.entrySet()) {
            List<Integer> list = e.getValue();
            Collections.shuffle(list, random);
            int taken = 0;
            for (int i : list) {
                if (taken == QUOTA.get(e.getKey())) break;
                if (chosen.putIfAbsent(i, e.getKey()) == null) taken++;
            }
            say.accept("sample " + e.getKey() + ": " + taken + " of " + list.size() + " candidates");
        }
        return chosen;
    }

    /** The sample as the tests read it: postcode, kind, authority, district; by kind, then postcode. */
    static void write(Path file, Map<Integer, String> chosen, NsplPostcodes postcodes, String[] authority, String[] district) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CsvOut out = new CsvOut(w)) {
            out.row(List.of("postcode", "kind", "authority", "district"));
            List<Map.Entry<Integer, String>> rows = new ArrayList<>(chosen.entrySet());
            rows.sort(Comparator.comparing((Map.Entry<Integer, String> e) -> e.getValue()).thenComparing(e -> postcodes.code()[e.getKey()]));
            for (var e : rows) {
                int i = e.getKey();
                out.row(List.of(postcodes.code()[i], e.getValue(), DeriveReferenceData.inEnglandOrWales(authority[i]) ? authority[i] : "",
                        district[i] == null ? "" : district[i]));
            }
        }
    }

    /** Whether a point lies within {@link #NEAR} of a polygon other than its own. */
    private static final class Near {
        private record Facets(String code, IndexedFacetDistance distance) { }

        private final STRtree tree = new STRtree();

        Near(Map<String, Geometry> shapes) {
            shapes.forEach((code, g) -> tree.insert(g.getEnvelopeInternal(), new Facets(code, new IndexedFacetDistance(g))));
            tree.build();
        }

        boolean nearOther(GeoPoint p, String own, Predicate<String> among) {
            Point pt = Wkt.point(p);
            var search = pt.getEnvelopeInternal();
            search.expandBy(NEAR);
            for (Object o : tree.query(search)) {
                Facets f = (Facets) o;
                if (!f.code().equals(own) && among.test(f.code()) && f.distance().isWithinDistance(pt, NEAR)) return true;
            }
            return false;
        }
    }
}
