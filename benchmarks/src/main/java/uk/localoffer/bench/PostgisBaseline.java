package uk.localoffer.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.match.Profile;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL 15 + PostGIS: services in one table with text[] code columns (GIN), the place
 * and residence areas as geography (GiST), a tsvector of the text (GIN) and the age limits as
 * an int4range (GiST). One SQL statement per match: nearest authority (KNN) for the host,
 * the eligibility filters, the ranking formula, top N.
 */
public final class PostgisBaseline extends SqlBaseline {
    public PostgisBaseline(Connection connection, Vocabulary vocabulary) {
        super(connection, vocabulary);
    }

    /** Opens {@code database} on the cluster at {@code url} (jdbc:postgresql://127.0.0.1:PORT/), creating it if asked. */
    public static PostgisBaseline open(String url, String database, boolean create, Vocabulary vocabulary) throws SQLException {
        if (create) {
            try (Connection admin = DriverManager.getConnection(url + "postgres?user=postgres"); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database);
                st.execute("CREATE DATABASE " + database);
            }
        }
        return new PostgisBaseline(DriverManager.getConnection(url + database + "?user=postgres"), vocabulary);
    }

    @Override
    public String name() { return "postgis"; }

    @Override
    public String version() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), postgis_lib_version()")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + " + PostGIS " + rs.getString(2);
        }
    }

    @Override
    public void load(List<Service> services, List<Authority> authorities) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            st.execute("DROP TABLE IF EXISTS service, authority");
            st.execute("CREATE TABLE authority (code text PRIMARY KEY, centroid geography(Point, 4326) NOT NULL, nation text NOT NULL)");
            st.execute("""
                    CREATE TABLE service (
                      ord int PRIMARY KEY, name text NOT NULL, needs text[] NOT NULL, need_count int NOT NULL, care_leaver int NOT NULL,
                      circumstances text[] NOT NULL, ages int4range NOT NULL, statuses text[] NOT NULL, accepts text[] NOT NULL,
                      exclusions text[] NOT NULL, res_kind int NOT NULL, res_authorities text[] NOT NULL, res_radius_km float8,
                      res_area geography(Polygon, 4326), threshold text, wait_weeks int, languages text[] NOT NULL, interpreter int NOT NULL,
                      welsh text NOT NULL, delivery text[] NOT NULL, in_person_only int NOT NULL, remote int NOT NULL,
                      lat float8, lon float8, place geography(Point, 4326), open24 int NOT NULL, out_of_hours int NOT NULL, verified date, only_nation text,
                      doc text NOT NULL, tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', doc)) STORED)""");
        }
        connection.setAutoCommit(false);
        PGConnection pg = connection.unwrap(PGConnection.class);
        CopyIn copy = pg.getCopyAPI().copyIn("COPY authority (code, centroid, nation) FROM STDIN");
        StringBuilder b = new StringBuilder();
        java.util.Map<String, Authority> byCode = new java.util.HashMap<>();
        for (Authority a : authorities) {
            byCode.put(a.code(), a);
            b.append(a.code()).append('\t').append(point(a.centroid())).append('\t').append(a.nation().label()).append('\n');
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        copy = pg.getCopyAPI().copyIn("COPY service (ord, name, needs, need_count, care_leaver, circumstances, ages, statuses, accepts, exclusions, "
                + "res_kind, res_authorities, res_radius_km, res_area, threshold, wait_weeks, languages, interpreter, welsh, delivery, in_person_only, "
                + "remote, lat, lon, place, open24, out_of_hours, verified, only_nation, doc) FROM STDIN");
        b.setLength(0);
        for (int ord = 0; ord < services.size(); ord++) {
            Service s = services.get(ord);
            var e = s.eligibility();
            Residence r = e.residence();
            GeoPoint place = s.locations().stream().map(l -> l.point()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            int min = e.ages().min() == null ? 0 : e.ages().min(), max = e.ages().max() == null ? 200 : e.ages().max();
            b.append(ord).append('\t').append(esc(s.name())).append('\t').append(array(s.needs())).append('\t').append(s.needs().size())
                    .append('\t').append(s.careLeaverSpecific() ? 1 : 0).append('\t').append(array(s.circumstances()))
                    .append('\t').append('[').append(min).append(',').append(max).append(']')
                    .append('\t').append(array(e.statuses())).append('\t').append(array(e.acceptsHomeAuthorities()))
                    .append('\t').append(array(e.exclusions())).append('\t').append(residenceKind(s)).append('\t').append(array(r.authorities()))
                    .append('\t').append(r.radiusKm() == null ? "\\N" : r.radiusKm().toString())
                    .append('\t').append(r.kind() == Residence.Kind.CATCHMENT ? "SRID=4326;" + r.catchmentWkt() : "\\N")
                    .append('\t').append(s.access().threshold() == null ? "\\N" : s.access().threshold())
                    .append('\t').append(s.access().waitWeeks() == null ? "\\N" : s.access().waitWeeks().toString())
                    .append('\t').append(array(s.languages().languages())).append('\t').append(s.languages().interpreter() ? 1 : 0)
                    .append('\t').append(s.languages().welsh().name().toLowerCase(Locale.ROOT))
                    .append('\t').append(array(s.delivery().stream().map(d -> d.code()).toList()))
                    .append('\t').append(s.isInPersonOnly() ? 1 : 0).append('\t').append(s.isRemote() ? 1 : 0)
                    .append('\t').append(place == null ? "\\N" : Double.toString(place.lat()))
                    .append('\t').append(place == null ? "\\N" : Double.toString(place.lon()))
                    .append('\t').append(place == null ? "\\N" : point(place))
                    .append('\t').append(s.hours().open24x7() ? 1 : 0).append('\t').append(s.hours().outOfHours() ? 1 : 0)
                    .append('\t').append(s.provenance().lastVerified() == null ? "\\N" : s.provenance().lastVerified().toString())
                    .append('\t').append(onlyNation(s, byCode) == null ? "\\N" : onlyNation(s, byCode))
                    .append('\t').append(esc(document(s, vocabulary))).append('\n');
            if (b.length() > 1 << 20 || ord == services.size() - 1) {
                bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                b.setLength(0);
            }
        }
        copy.endCopy();
        try (Statement st = connection.createStatement()) {
            // A radius becomes a polygon a little larger than the circle, for the index; the exact test is ST_DWithin.
            st.execute("UPDATE service SET res_area = ST_Buffer(place, res_radius_km * 1000 * 1.02, 'quad_segs=8') WHERE res_kind = " + RADIUS);
            st.execute("CREATE INDEX ON authority USING gist (centroid)");
            st.execute("CREATE INDEX service_needs ON service USING gin (needs)");
            st.execute("CREATE INDEX service_res_authorities ON service USING gin (res_authorities)");
            st.execute("CREATE INDEX service_res_kind ON service (res_kind)");
            st.execute("CREATE INDEX service_res_area ON service USING gist (res_area)");
            st.execute("CREATE INDEX service_place ON service USING gist (place)");
            st.execute("CREATE INDEX service_ages ON service USING gist (ages)");
            st.execute("CREATE INDEX service_tsv ON service USING gin (tsv)");
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("VACUUM ANALYZE service");
            st.execute("VACUUM ANALYZE authority");
        }
    }

    private static String point(GeoPoint p) {
        return "SRID=4326;POINT(" + p.lon() + " " + p.lat() + ")";
    }

    private static String array(Collection<String> codes) {
        return "{" + String.join(",", codes.stream().sorted().toList()) + "}";
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    @Override
    Sql query(Profile p, int limit, LocalDate today) {
        Ask ask = Ask.of(p, vocabulary, weights);
        Sql q = new Sql(true);
        double lat = p.location().lat(), lon = p.location().lon();
        boolean text = hasText(p);
        String tsquery = text ? String.join(" | ", words(p.text())) : null;
        q.s("SELECT ord, score, count(*) OVER () AS eligible FROM (SELECT c.ord, c.name, ");
        score(q, ask, today);
        q.s(" AS score FROM (SELECT s.ord, s.name, s.needs, s.need_count, s.remote, s.threshold, s.wait_weeks, s.open24, s.out_of_hours, s.welsh, "
                + "s.languages, s.interpreter, s.care_leaver, s.circumstances, s.verified, ");
        km(q, p, "s");
        q.s(" AS km");
        if (text) {
            q.s(", (CASE WHEN s.tsv @@ to_tsquery('english', ").t(tsquery).s(") THEN ts_rank(s.tsv, to_tsquery('english', ").t(tsquery)
                    .s("))::float8 ELSE 0 END) AS tr, max(CASE WHEN s.tsv @@ to_tsquery('english', ").t(tsquery).s(") THEN ts_rank(s.tsv, to_tsquery('english', ")
                    .t(tsquery).s("))::float8 ELSE 0 END) OVER () AS maxtr");
        }
        q.s(" FROM service s WHERE ");
        if (p.needs().isEmpty()) q.s("true"); else q.s("s.needs && ").a(ask.needCodes());
        if (p.age() != null) q.s(" AND s.ages @> ").i(p.age());
        // Residence: national, the host authority (nearest centre, as the Locator without boundaries), or an area holding the point.
        q.s(" AND (s.res_kind = ").i(NATIONAL).s(" OR s.res_authorities @> ARRAY[");
        host(q, lat, lon);
        q.s("]::text[] OR (ST_Intersects(s.res_area, ");
        geog(q, lat, lon);
        q.s(") AND ((s.res_kind = ").i(RADIUS).s(" AND ST_DWithin(s.place, ");
        geog(q, lat, lon);
        q.s(", s.res_radius_km * 1000, false)) OR (s.res_kind = ").i(CATCHMENT).s(" AND ST_Covers(s.res_area::geometry, ST_SetSRID(ST_MakePoint(")
                .d(lon).s(", ").d(lat).s("), 4326))))))");
        commonFilters(q, ask, host -> host(host, lat, lon));
        if (p.maxDistanceKm() != null) {
            q.s(" AND (s.in_person_only = 0 OR s.place IS NULL OR ST_DWithin(s.place, ");
            geog(q, lat, lon);
            q.s(", ").d(p.maxDistanceKm() * 1000).s(", false))");
        }
        q.s(") c) x ORDER BY score DESC, name COLLATE \"C\", ord LIMIT ").i(limit);
        return q;
    }

    private static void geog(Sql q, double lat, double lon) {
        q.s("ST_SetSRID(ST_MakePoint(").d(lon).s(", ").d(lat).s("), 4326)::geography");
    }

    private static void host(Sql q, double lat, double lon) {
        q.s("(SELECT code FROM authority ORDER BY centroid <-> ");
        geog(q, lat, lon);
        q.s(" LIMIT 1)");
    }

    @Override
    void has(Sql q, String column, String code) { q.t(code).s(" = ANY(" + column + ")"); }

    @Override
    void overlaps(Sql q, String column, Set<String> codes) {
        if (codes.isEmpty()) q.s("false");
        else q.s(column + " && ").a(codes);
    }

    @Override
    void monthsSinceChecked(Sql q, LocalDate today) {
        q.s("(").i(today.getYear() * 12 + today.getMonthValue()).s(" - (extract(year from c.verified)::int * 12 + extract(month from c.verified)::int) - (CASE WHEN ")
                .i(today.getDayOfMonth()).s(" < extract(day from c.verified)::int THEN 1 ELSE 0 END))");
    }

    @Override
    String greatest() { return "greatest"; }

    @Override
    String least() { return "least"; }

    @Override
    String emptySet() { return "'{}'"; }

    @Override
    void hasExpr(Sql q, String column, java.util.function.Consumer<Sql> expr) {
        expr.accept(q);
        q.s(" = ANY(" + column + ")");
    }
}
