package uk.localoffer.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.Fixtures;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A radius area is indexed as the box around its circle and its candidates are checked by their
 * exact distance: the young person just inside the circle is in, just outside it (or in the box's
 * corner, outside the circle) is out, by the same test the plain rules use.
 */
class RadiusAreaTest {
    @TempDir Path dir;

    private static final GeoPoint CENTRE = new GeoPoint(53.4084, -2.9916);

    private static GeoPoint towards(double bearingDegrees, double km) {
        double b = Math.toRadians(bearingDegrees), d = km / 6371.0088, lat = Math.toRadians(CENTRE.lat()), lon = Math.toRadians(CENTRE.lon());
        double lat2 = Math.asin(Math.sin(lat) * Math.cos(d) + Math.cos(lat) * Math.sin(d) * Math.cos(b));
        double lon2 = lon + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat), Math.cos(d) - Math.sin(lat) * Math.sin(lat2));
        return new GeoPoint(Math.toDegrees(lat2), Math.toDegrees(lon2));
    }

    private static int eligible(ServiceIndex index, GeoPoint where) {
        Criteria c = new Criteria(Set.of(), 19, null, null, Set.of(), null, null, where, null, Set.of(), null);
        return index.search(s -> s.eligible(c).size());
    }

    @Test
    void theBoxFindsCandidatesAndTheExactDistanceDecides() throws Exception {
        var b = Fixtures.service("radius", "Drop-in within ten kilometres");
        b.residence = new Residence(Residence.Kind.RADIUS, Set.of(), 10.0, null);
        b.place = CENTRE;
        Service s = b.build();
        try (ServiceIndex index = new ServiceIndex(dir.resolve("index"), uk.localoffer.directory.Directory.RECORDS)) {
            index.rebuild(List.of(s), Map.of(), Importer.vocabulary(DataFiles.embedded()));
            for (double bearing : new double[]{0, 45, 90, 135, 180, 225, 270, 315}) {
                GeoPoint in = towards(bearing, 9.95), out = towards(bearing, 10.05);
                assertTrue(Residence.withinRadius(CENTRE, 10.0, in) && !Residence.withinRadius(CENTRE, 10.0, out));
                assertEquals(1, eligible(index, in), "9.95 km at " + bearing + "°");
                assertEquals(0, eligible(index, out), "10.05 km at " + bearing + "°");
            }
            GeoPoint corner = towards(45, 13.5); // inside the box (its corner is about 14.4 km away), outside the circle
            assertFalse(Residence.withinRadius(CENTRE, 10.0, corner));
            assertEquals(0, eligible(index, corner));
        }
    }
}
