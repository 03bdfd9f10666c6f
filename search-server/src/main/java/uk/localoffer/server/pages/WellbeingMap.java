package uk.localoffer.server.pages;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.ReviewRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static uk.localoffer.server.pages.Html.esc;

/**
 * A map of England and Wales drawn by the server as SVG: each authority (its boundary when
 * loaded, else a dot at its centre) shaded by the strongest kind of emotional wellbeing
 * support its May 2022 review row lists, and linked to its local-offer page.
 */
final class WellbeingMap {
    enum Shade {
        DEDICATED("Dedicated mental health workers or extended CAMHS", "Gweithwyr iechyd meddwl penodol neu CAMHS estynedig", "#12436d"),
        COMMISSIONED("Charity or commissioned support", "Cymorth elusen neu wedi'i gomisiynu", "#2073bc"),
        BASIC("Basic support only (signposting, PA)", "Cymorth sylfaenol yn unig (cyfeirio, Cynghorydd Personol)", "#9cc3e5"),
        NONE("None of the eight kinds listed", "Dim un o'r wyth math", "#f3f2f1"),
        NOT_REVIEWED("Not in the review (Wales and two English councils)", "Nid oedd yn yr adolygiad (Cymru a dau gyngor yn Lloegr)", "#ffffff");

        final String en, cy, colour;

        Shade(String en, String cy, String colour) { this.en = en; this.cy = cy; this.colour = colour; }

        String label(String lang) { return "cy".equals(lang) ? cy : en; }
    }

    private static final double W = 600, H = 720, WEST = -6.5, EAST = 2.0, SOUTH = 49.85, NORTH = 55.85;

    private WellbeingMap() { }

    static Shade shade(List<ReviewRow> rows) {
        if (rows.isEmpty()) return Shade.NOT_REVIEWED;
        if (rows.stream().anyMatch(r -> r.says("dedicated_mh_workers") || r.says("extended_camhs"))) return Shade.DEDICATED;
        if (rows.stream().anyMatch(r -> r.says("charity_mh_provision") || r.says("commissioned_services") || r.says("generic_mh_access")
                || r.says("mentoring") || r.says("wider_wellbeing"))) return Shade.COMMISSIONED;
        if (rows.stream().anyMatch(r -> r.says("basic_support"))) return Shade.BASIC;
        return Shade.NONE;
    }

    static Map<String, Shade> shades(Directory d) {
        Map<String, Shade> out = new LinkedHashMap<>();
        for (Authority a : d.authorities().values())
            out.put(a.code(), shade(d.reviewRows(a.code())));
        return out;
    }

    static String svg(Directory d, String lang) {
        Map<String, Shade> shades = shades(d);
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append((int) W).append(' ').append((int) H)
                .append("\" aria-labelledby=\"map-title\" role=\"group\"><title id=\"map-title\">").append(esc(Messages.get(lang, "map"))).append("</title>\n");
        for (Authority a : d.authorities().values()) {
            Shade s = shades.get(a.code());
            String label = a.name(lang) + ": " + s.label(lang);
            b.append("<a href=\"/authorities/").append(a.code()).append("\" aria-label=\"").append(esc(label)).append("\">");
            var boundary = d.boundaries().boundary(a.code());
            if (boundary.isPresent()) {
                Geometry g = TopologyPreservingSimplifier.simplify(boundary.get(), 0.01);
                b.append("<path fill=\"").append(s.colour).append("\" stroke=\"#505a5f\" stroke-width=\"0.5\" d=\"");
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    Polygon p = (Polygon) g.getGeometryN(i);
                    ring(b, p.getExteriorRing().getCoordinates());
                    for (int h = 0; h < p.getNumInteriorRing(); h++) ring(b, p.getInteriorRingN(h).getCoordinates());
                }
                b.append("\"/>");
            } else {
                b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" stroke=\"#0b0c0c\"/>",
                        x(a.centroid().lon()), y(a.centroid().lat()), s.colour));
            }
            b.append("</a>\n");
        }
        return b.append("</svg>").toString();
    }

    private static void ring(StringBuilder b, Coordinate[] cs) {
        for (int i = 0; i < cs.length; i++)
            b.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x(cs[i].x), y(cs[i].y)));
        b.append('Z');
    }

    private static double x(double lon) { return (lon - WEST) / (EAST - WEST) * W; }

    private static double y(double lat) {
        // Equirectangular, with longitude squeezed by cos(52.8°) so the country keeps its shape.
        double scale = H / (NORTH - SOUTH);
        return (NORTH - lat) * scale;
    }
}
