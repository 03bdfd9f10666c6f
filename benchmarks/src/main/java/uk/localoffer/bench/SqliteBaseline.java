package uk.localoffer.bench;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sqlite.Function;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Wkt;
import uk.localoffer.match.Profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQLite with FTS5 and R*Tree (through sqlite-jdbc): services in one table with codes as
 * ",a,b," strings, a (ord, need) table for the need filter, an (authority, ord) table for
 * residence by authority, an R*Tree of the residence areas' boxes (radius and catchment), and
 * a contentless FTS5 table (porter stemming) for the text. Catchment polygons are tested
 * exactly with a point-in-polygon function (JTS) registered on the connection.
 */
public final class SqliteBaseline extends SqlBaseline {
    public SqliteBaseline(Connection connection, Vocabulary vocabulary) throws SQLException {
        super(connection, vocabulary);
        Function.create(connection, "covers_wkt", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String wkt = value_text(0);
                Geometry g = Wkt.polygonal(wkt);
                result(g.covers(Wkt.point(new GeoPoint(value_double(2), value_double(1)))) ? 1 : 0);
            }
        });
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA cache_size = -262144");
            st.execute("PRAGMA mmap_size = 2147483648");
            st.execute("PRAGMA temp_store = MEMORY");
        }
    }

    public static SqliteBaseline open(Path file, boolean create, Vocabulary vocabulary) throws SQLException {
        try {
            if (create) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(Path.of(file + "-wal"));
                Files.deleteIfExists(Path.of(file + "-shm"));
            }
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
        return new SqliteBaseline(DriverManager.getConnection("jdbc:sqlite:" + file), vocabulary);
    }

    @Override
    public String name() { return "sqlite"; }

    @Override
    public String version() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            return "SQLite " + rs.getString(1) + " (sqlite-jdbc)";
        }
    }

    @Override
    public void load(List<Service> services, List<Authority> authorities) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("CREATE TABLE authority (code TEXT PRIMARY KEY, lat REAL NOT NULL, lon REAL NOT NULL, nation TEXT NOT NULL)");
            st.execute("""
                    CREATE TABLE service (
                      ord INTEGER PRIMARY KEY, name TEXT NOT NULL, needs TEXT NOT NULL, need_count INT NOT NULL, care_leaver INT NOT NULL,
                      circumstances TEXT NOT NULL, age_min INT NOT NULL, age_max INT NOT NULL, statuses TEXT NOT NULL, accepts TEXT NOT NULL,
                      exclusions TEXT NOT NULL, res_kind INT NOT NULL, res_radius_km REAL, catchment TEXT, threshold TEXT, wait_weeks INT,
                      languages TEXT NOT NULL, interpreter INT NOT NULL, welsh TEXT NOT NULL, delivery TEXT NOT NULL, in_person_only INT NOT NULL,
                      remote INT NOT NULL, lat REAL, lon REAL, open24 INT NOT NULL, out_of_hours INT NOT NULL, verified TEXT, only_nation TEXT)""");
            st.execute("CREATE TABLE service_need (ord INT NOT NULL, need TEXT NOT NULL, PRIMARY KEY (ord, need)) WITHOUT ROWID");
            st.execute("CREATE TABLE service_area (authority TEXT NOT NULL, ord INT NOT NULL, PRIMARY KEY (authority, ord)) WITHOUT ROWID");
            st.execute("CREATE VIRTUAL TABLE residence_box USING rtree (id, min_lon, max_lon, min_lat, max_lat)");
            st.execute("CREATE VIRTUAL TABLE service_text USING fts5 (doc, content = '', tokenize = 'porter unicode61')");
        }
        connection.setAutoCommit(false);
        java.util.Map<String, Authority> byCode = new java.util.HashMap<>();
        for (Authority x : authorities) byCode.put(x.code(), x);
        try (PreparedStatement a = connection.prepareStatement("INSERT INTO authority VALUES (?, ?, ?, ?)")) {
            for (Authority x : authorities) {
                a.setString(1, x.code());
                a.setDouble(2, x.centroid().lat());
                a.setDouble(3, x.centroid().lon());
                a.setString(4, x.nation().label());
                a.addBatch();
            }
            a.executeBatch();
        }
        try (PreparedStatement ins = connection.prepareStatement("INSERT INTO service VALUES (" + "?, ".repeat(27) + "?)");
             PreparedStatement need = connection.prepareStatement("INSERT INTO service_need VALUES (?, ?)");
             PreparedStatement area = connection.prepareStatement("INSERT INTO service_area VALUES (?, ?)");
             PreparedStatement box = connection.prepareStatement("INSERT INTO residence_box VALUES (?, ?, ?, ?, ?)");
             PreparedStatement text = connection.prepareStatement("INSERT INTO service_text (rowid, doc) VALUES (?, ?)")) {
            for (int ord = 0; ord < services.size(); ord++) {
                Service s = services.get(ord);
                var e = s.eligibility();
                Residence r = e.residence();
                GeoPoint place = s.locations().stream().map(l -> l.point()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                int k = 1;
                ins.setInt(k++, ord);
                ins.setString(k++, s.name());
                ins.setString(k++, codes(s.needs()));
                ins.setInt(k++, s.needs().size());
                ins.setInt(k++, s.careLeaverSpecific() ? 1 : 0);
                ins.setString(k++, codes(s.circumstances()));
                ins.setInt(k++, e.ages().min() == null ? 0 : e.ages().min());
                ins.setInt(k++, e.ages().max() == null ? 200 : e.ages().max());
                ins.setString(k++, codes(e.statuses()));
                ins.setString(k++, codes(e.acceptsHomeAuthorities()));
                ins.setString(k++, codes(e.exclusions()));
                ins.setInt(k++, residenceKind(s));
                ins.setObject(k++, r.radiusKm());
                ins.setString(k++, r.catchmentWkt());
                ins.setString(k++, s.access().threshold());
                ins.setObject(k++, s.access().waitWeeks());
                ins.setString(k++, codes(s.languages().languages()));
                ins.setInt(k++, s.languages().interpreter() ? 1 : 0);
                ins.setString(k++, s.languages().welsh().name().toLowerCase(Locale.ROOT));
                ins.setString(k++, codes(s.delivery().stream().map(d -> d.code()).toList()));
                ins.setInt(k++, s.isInPersonOnly() ? 1 : 0);
                ins.setInt(k++, s.isRemote() ? 1 : 0);
                ins.setObject(k++, place == null ? null : place.lat());
                ins.setObject(k++, place == null ? null : place.lon());
                ins.setInt(k++, s.hours().open24x7() ? 1 : 0);
                ins.setInt(k++, s.hours().outOfHours() ? 1 : 0);
                ins.setString(k++, s.provenance().lastVerified() == null ? null : s.provenance().lastVerified().toString());
                ins.setString(k, onlyNation(s, byCode));
                ins.addBatch();
                for (String n : s.needs()) {
                    need.setInt(1, ord);
                    need.setString(2, n);
                    need.addBatch();
                }
                for (String a : r.authorities()) {
                    area.setString(1, a);
                    area.setInt(2, ord);
                    area.addBatch();
                }
                Envelope env = null;
                if (r.kind() == Residence.Kind.CATCHMENT) env = Wkt.polygonal(r.catchmentWkt()).getEnvelopeInternal();
                else if (r.kind() == Residence.Kind.RADIUS && place != null) {
                    // A box a little larger than the circle; the exact test is the distance.
                    double dLat = r.radiusKm() * 1.02 / 111.19, dLon = dLat / Math.cos(Math.toRadians(Math.abs(place.lat()) + dLat));
                    env = new Envelope(place.lon() - dLon, place.lon() + dLon, place.lat() - dLat, place.lat() + dLat);
                }
                if (env != null) {
                    box.setInt(1, ord);
                    box.setDouble(2, env.getMinX());
                    box.setDouble(3, env.getMaxX());
                    box.setDouble(4, env.getMinY());
                    box.setDouble(5, env.getMaxY());
                    box.addBatch();
                }
                text.setInt(1, ord);
                text.setString(2, document(s, vocabulary));
                text.addBatch();
                if (ord % 5000 == 4999 || ord == services.size() - 1) {
                    ins.executeBatch();
                    need.executeBatch();
                    area.executeBatch();
                    box.executeBatch();
                    text.executeBatch();
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE INDEX service_res_kind ON service (res_kind)");
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("ANALYZE");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static String codes(Collection<String> codes) {
        return codes.isEmpty() ? "" : "," + String.join(",", codes.stream().sorted().toList()) + ",";
    }

    @Override
    Sql query(Profile p, int limit, LocalDate today) {
        Ask ask = Ask.of(p, vocabulary, weights);
        Sql q = new Sql(false);
        double lat = p.location().lat(), lon = p.location().lon();
        boolean text = hasText(p);
        q.s("WITH host (code) AS (SELECT code FROM authority a ORDER BY ");
        km(q, p, "a");
        q.s(" LIMIT 1), cand (ord) AS (SELECT ord FROM service WHERE res_kind = ").i(NATIONAL)
                .s(" UNION ALL SELECT ord FROM service_area WHERE authority = (SELECT code FROM host)")
                .s(" UNION ALL SELECT id FROM residence_box WHERE min_lon <= ").d(lon).s(" AND max_lon >= ").d(lon)
                .s(" AND min_lat <= ").d(lat).s(" AND max_lat >= ").d(lat).s(")");
        if (text) {
            // MATERIALIZED: otherwise SQLite flattens the FTS query into the join and runs it again for every candidate.
            StringBuilder match = new StringBuilder();
            for (String w : words(p.text())) match.append(match.isEmpty() ? "" : " OR ").append('"').append(w).append('"');
            q.s(", t (ord, tr) AS MATERIALIZED (SELECT rowid, -bm25(service_text) FROM service_text WHERE service_text MATCH ").t(match.toString()).s(")");
        }
        q.s(" SELECT ord, score, count(*) OVER () AS eligible FROM (SELECT c.ord, c.name, ");
        score(q, ask, today);
        q.s(" AS score FROM (SELECT s.*, ");
        km(q, p, "s");
        q.s(" AS km");
        if (text) q.s(", coalesce(t.tr, 0.0) AS tr, max(coalesce(t.tr, 0.0)) OVER () AS maxtr");
        q.s(" FROM cand JOIN service s ON s.ord = cand.ord");
        if (text) q.s(" LEFT JOIN t ON t.ord = s.ord");
        q.s(" WHERE ");
        if (p.needs().isEmpty()) q.s("1");
        else {
            q.s("EXISTS (SELECT 1 FROM service_need n WHERE n.ord = s.ord AND n.need IN (");
            int k = 0;
            for (String code : ask.needCodes()) {
                if (k++ > 0) q.s(", ");
                q.t(code);
            }
            q.s("))");
        }
        if (p.age() != null) q.s(" AND s.age_min <= ").i(p.age()).s(" AND s.age_max >= ").i(p.age());
        q.s(" AND (s.res_kind <> ").i(RADIUS).s(" OR ");
        km(q, p, "s");
        q.s(" <= s.res_radius_km) AND (s.res_kind <> ").i(CATCHMENT).s(" OR covers_wkt(s.catchment, ").d(lon).s(", ").d(lat).s(") = 1)");
        commonFilters(q, ask, host -> host.s("(SELECT code FROM host)"));
        if (p.maxDistanceKm() != null) {
            q.s(" AND (s.in_person_only = 0 OR s.lat IS NULL OR ");
            km(q, p, "s");
            q.s(" <= ").d(p.maxDistanceKm()).s(")");
        }
        q.s(") c) x ORDER BY score DESC, name, ord LIMIT ").i(limit);
        return q;
    }

    @Override
    void has(Sql q, String column, String code) { q.s("instr(" + column + ", ").t("," + code + ",").s(") > 0"); }

    @Override
    void overlaps(Sql q, String column, Set<String> codes) {
        if (codes.isEmpty()) { q.s("0"); return; }
        q.s("(");
        int k = 0;
        for (String c : codes) {
            if (k++ > 0) q.s(" OR ");
            has(q, column, c);
        }
        q.s(")");
    }

    @Override
    void monthsSinceChecked(Sql q, LocalDate today) {
        q.s("(").i(today.getYear() * 12 + today.getMonthValue())
                .s(" - (CAST(substr(c.verified, 1, 4) AS INTEGER) * 12 + CAST(substr(c.verified, 6, 2) AS INTEGER)) - (CASE WHEN ")
                .i(today.getDayOfMonth()).s(" < CAST(substr(c.verified, 9, 2) AS INTEGER) THEN 1 ELSE 0 END))");
    }

    @Override
    String greatest() { return "max"; }

    @Override
    String least() { return "min"; }

    @Override
    String emptySet() { return "''"; }

    @Override
    void hasExpr(Sql q, String column, java.util.function.Consumer<Sql> expr) {
        q.s("instr(" + column + ", ',' || ");
        expr.accept(q);
        q.s(" || ',') > 0");
    }
}
