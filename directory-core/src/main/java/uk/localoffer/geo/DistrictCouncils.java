package uk.localoffer.geo;

import org.locationtech.jts.geom.Geometry;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.GeoPoint;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The district and borough councils, for finding the one a point lies in. Only the districts
 * under a county need a polygon: a point is looked up among its own county's districts (so the
 * answer always agrees with the children's services authority), and one outside all of them
 * (a beach, a sliver between two generalised boundaries) goes to the nearest.
 */
public final class DistrictCouncils {
    private final Map<String, DistrictCouncil> byCode = new LinkedHashMap<>();
    private final Map<String, Boundaries> byCounty = new LinkedHashMap<>();

    public DistrictCouncils(Collection<DistrictCouncil> councils, Map<String, Geometry> shapes) {
        Map<String, Map<String, Geometry>> grouped = new LinkedHashMap<>();
        for (DistrictCouncil c : councils) {
            byCode.put(c.code(), c);
            Geometry g = shapes.get(c.code());
            if (c.underCounty() && g != null) grouped.computeIfAbsent(c.authorityCode(), k -> new LinkedHashMap<>()).put(c.code(), g);
        }
        grouped.forEach((county, districts) -> byCounty.put(county, new Boundaries(districts)));
    }

    public static DistrictCouncils none() { return new DistrictCouncils(List.of(), Map.of()); }

    /** The district council at {@code p}, which lies in the children's services authority {@code authorityCode}. */
    public Optional<DistrictCouncil> at(String authorityCode, GeoPoint p) {
        Boundaries districts = byCounty.get(authorityCode);
        if (districts == null) return council(authorityCode);
        return districts.authorityAt(p, Double.POSITIVE_INFINITY).flatMap(this::council);
    }

    public Optional<DistrictCouncil> council(String code) { return Optional.ofNullable(byCode.get(code)); }

    public Collection<DistrictCouncil> all() { return byCode.values(); }

    public int size() { return byCode.size(); }
}
