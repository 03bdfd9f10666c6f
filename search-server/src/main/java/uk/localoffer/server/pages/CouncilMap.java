package uk.localoffer.server.pages;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.ReviewRow;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A map of England and Wales drawn by the server as SVG: each authority (its boundary when loaded,
 * else a dot at its centre) shaded by one sourced fact, and linked to its local-offer page; with the
 * legend and the same facts as a list (the map's text alternative). Colours are SVG attributes,
 * never inline styles (the pages' Content-Security-Policy allows no inline style).
 */
final class CouncilMap {
    /** What the map can be shaded by; each band's words are "map.<fact>.<band>" in the pages' messages. */
    enum Fact {
        REVIEW("review", List.of("dedicated", "commissioned", "basic", "none", "not_reviewed")),
        COUNCIL_TAX("council_tax", List.of("full", "partial", "none")),
        SETTING_UP_HOME("setting_up_home", List.of("3000", "2000", "under", "no_amount", "none"));

        final String code;
        final List<String> bands;

        Fact(String code, List<String> bands) { this.code = code; this.bands = bands; }

        static Fact parse(String code) {
            for (Fact f : values()) if (f.code.equals(code)) return f;
            return REVIEW;
        }
    }

    /** Darkest for the most support; white for not known. */
    private static final List<String> COLOURS = List.of("#12436d", "#2073bc", "#9cc3e5", "#f3f2f1", "#ffffff");

    /** One council on the map (and in its text alternative): its band. */
    record Shaded(Authority authority, int band) { }

    /** One band of the legend: its words, colour and how many councils are in it. */
    record Band(String label, String colour, long count) { }

    private static final double W = 600, H = 720, WEST = -6.5, EAST = 2.0, SOUTH = 49.85, NORTH = 55.85;
    /** Each boundary as an SVG path, simplified once (they do not change between reloads of the same data). */
    private static final Map<String, String> PATHS = new ConcurrentHashMap<>();

    private CouncilMap() { }

    static List<Shaded> shade(Directory d, Fact fact, String lang) {
        return d.authorities().values().stream().sorted(Comparator.comparing(a -> a.name(lang)))
                .map(a -> new Shaded(a, band(d, a, fact))).toList();
    }

    static List<Band> legend(List<Shaded> shaded, Fact fact, Words t) {
        return java.util.stream.IntStream.range(0, fact.bands.size()).mapToObj(i -> new Band(label(t, fact, i), colour(fact, i),
                shaded.stream().filter(s -> s.band() == i).count())).toList();
    }

    static String label(Words t, Fact fact, int band) { return t.get("map." + fact.code + "." + fact.bands.get(band)); }

    static String colour(Fact fact, int band) {
        return COLOURS.get(colourIndex(fact, band));
    }

    /** The colour index of a band: the last band of a fact is white when it means "not known", else the palest grey. */
    private static int colourIndex(Fact fact, int band) {
        if (fact == Fact.COUNCIL_TAX) return band == 2 ? 3 : band;
        return band;
    }

    private static int band(Directory d, Authority a, Fact fact) {
        return switch (fact) {
            case REVIEW -> review(d.reviewRows(a.code()));
            case COUNCIL_TAX -> {
                List<CouncilTaxScheme> schemes = d.councilTaxOf(a);
                if (schemes.stream().anyMatch(s -> s.percent() != null && s.percent() >= 100)) yield 0;
                yield schemes.isEmpty() ? 2 : 1;
            }
            case SETTING_UP_HOME -> {
                List<Entitlement> grants = d.entitlements(a.code()).stream().filter(e -> "setting_up_home".equals(e.topic())).toList();
                int best = grants.stream().filter(e -> e.amountGbp() != null).mapToInt(Entitlement::amountGbp).max().orElse(-1);
                if (grants.isEmpty()) yield 4;
                if (best < 0) yield 3;
                yield best >= 3000 ? 0 : best >= 2000 ? 1 : 2;
            }
        };
    }

    private static int review(List<ReviewRow> rows) {
        if (rows.isEmpty()) return 4;
        if (rows.stream().anyMatch(r -> r.says("dedicated_mh_workers") || r.says("extended_camhs"))) return 0;
        if (rows.stream().anyMatch(r -> r.says("charity_mh_provision") || r.says("commissioned_services") || r.says("generic_mh_access")
                || r.says("mentoring") || r.says("wider_wellbeing"))) return 1;
        if (rows.stream().anyMatch(r -> r.says("basic_support"))) return 2;
        return 3;
    }

    /** The SVG path of an authority's boundary, or null when it has none loaded (it is then a dot). */
    static String path(Directory d, Authority a) {
        var boundary = d.boundaries().boundary(a.code());
        if (boundary.isEmpty()) return null;
        return PATHS.computeIfAbsent(a.code(), code -> {
            Geometry g = TopologyPreservingSimplifier.simplify(boundary.get(), 0.01);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                ring(b, p.getExteriorRing().getCoordinates());
                for (int h = 0; h < p.getNumInteriorRing(); h++) ring(b, p.getInteriorRingN(h).getCoordinates());
            }
            return b.toString();
        });
    }

    static String cx(Authority a) { return String.format(Locale.ROOT, "%.1f", x(a.centroid().lon())); }

    static String cy(Authority a) { return String.format(Locale.ROOT, "%.1f", y(a.centroid().lat())); }

    static String viewBox() { return "0 0 " + (int) W + " " + (int) H; }

    private static void ring(StringBuilder b, Coordinate[] cs) {
        for (int i = 0; i < cs.length; i++)
            b.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x(cs[i].x), y(cs[i].y)));
        b.append('Z');
    }

    private static double x(double lon) { return (lon - WEST) / (EAST - WEST) * W; }

    private static double y(double lat) { return (NORTH - lat) * H / (NORTH - SOUTH); }
}
