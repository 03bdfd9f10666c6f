package uk.localoffer.store;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.PostcodeDistrict;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.GeoPoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQLite system of record. One connection, used by one thread at a time; every write
 * happens inside {@link #write}, a single transaction that commits whole or not at all.
 */
public final class Store implements AutoCloseable {
    private static final List<String> MIGRATIONS = List.of("V1__directory.sql", "V2__district_councils.sql", "V3__sourced_offers.sql");

    private final Path file;
    private final Connection conn;

    private Store(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    public static Store open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            java.util.Properties props = new java.util.Properties();
            // Writers take the lock when the transaction begins, so a reader never sees half an import.
            props.setProperty("transaction_mode", "IMMEDIATE");
            Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
            try (Statement st = conn.createStatement()) {
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("PRAGMA busy_timeout = 5000");
                // 128 MB of page cache (outside the Java heap): a national import updates indexes all over the file.
                st.execute("PRAGMA cache_size = -131072");
            }
            Store store = new Store(file, conn);
            store.migrate();
            return store;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the store at " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

    /** Applies, in order and each in its own transaction, the migrations this store has not had yet. */
    private void migrate() throws SQLException, IOException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int current = 0;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            if (rs.next()) current = rs.getInt(1);
        }
        if (current > MIGRATIONS.size())
            throw new SQLException("the store has schema version " + current + ", newer than this program knows (" + MIGRATIONS.size() + ")");
        for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
            String name = MIGRATIONS.get(v - 1);
            String sql;
            try (InputStream in = Store.class.getResourceAsStream("/db/migration/" + name)) {
                if (in == null) throw new IOException("migration " + name + " is missing from the program");
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                for (String part : sql.split(";\\s*\\n")) {
                    String stmt = part.replaceAll("(?m)^--.*$", "").trim();
                    if (!stmt.isEmpty()) st.execute(stmt);
                }
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, name);
                    ps.setString(3, Instant.now().toString());
                    ps.executeUpdate();
                }
                conn.commit();
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        }
    }

    public synchronized int schemaVersion() {
        return queryInt("SELECT MAX(version) FROM schema_version");
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Writer w) throws Exception;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T write(Work<T> work) {
        return transaction(work, false);
    }

    /** Runs {@code work} in a transaction that is always rolled back: what would change, without changing. */
    public <T> T dryRun(Work<T> work) {
        return transaction(work, true);
    }

    private synchronized <T> T transaction(Work<T> work, boolean rollback) {
        try {
            conn.setAutoCommit(false);
            try {
                T result = work.run(new Writer(conn));
                if (rollback) conn.rollback(); else conn.commit();
                return result;
            } catch (Exception e) {
                conn.rollback();
                if (e instanceof RuntimeException re) throw re;
                throw new StoreException(e.getMessage(), e);
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("the store could not be written: " + e.getMessage(), e);
        }
    }

    // ---- reads ----

    public synchronized List<Authority> authorities() {
        return queryJson("SELECT record_json FROM authority ORDER BY name", Authority.class);
    }

    public synchronized Optional<Authority> authority(String code) {
        return queryJson("SELECT record_json FROM authority WHERE code = ?", Authority.class, code).stream().findFirst();
    }

    /** GeoJSON geometry text of each authority with a loaded boundary. */
    public synchronized Map<String, String> boundaries() {
        return geoJsonByCode("SELECT code, geojson FROM authority_boundary ORDER BY code");
    }

    /** GeoJSON geometry text of each district council with a loaded boundary (those under a county). */
    public synchronized Map<String, String> districtBoundaries() {
        return geoJsonByCode("SELECT code, geojson FROM district_council WHERE geojson IS NOT NULL ORDER BY code");
    }

    private Map<String, String> geoJsonByCode(String sql) {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        } catch (SQLException e) {
            throw readFailed(e);
        }
        return out;
    }

    public synchronized List<DistrictCouncil> districtCouncils() {
        List<DistrictCouncil> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT code, name, name_cy, kind, authority_code, official_name FROM district_council ORDER BY code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next())
                out.add(new DistrictCouncil(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        } catch (SQLException e) {
            throw readFailed(e);
        }
        return out;
    }

    public synchronized List<PostcodeDistrict> postcodeDistricts() {
        List<PostcodeDistrict> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT outcode, lat, lon, authority_code, nation FROM postcode_district ORDER BY outcode");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next())
                out.add(new PostcodeDistrict(rs.getString(1), new GeoPoint(rs.getDouble(2), rs.getDouble(3)), rs.getString(4), rs.getString(5)));
        } catch (SQLException e) {
            throw readFailed(e);
        }
        return out;
    }

    public synchronized List<ReviewRow> reviewRows() {
        Map<Integer, List<String>> links = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT line, authority_code FROM review_link ORDER BY authority_code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) links.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
        } catch (SQLException e) {
            throw readFailed(e);
        }
        List<ReviewRow> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT line, raw_name, flags_json, cla_per_10000, ofsted_rating, link_note FROM review_row ORDER BY line");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                @SuppressWarnings("unchecked")
                Map<String, String> flags = RecordJson.read(rs.getString(3), LinkedHashMap.class);
                out.add(new ReviewRow(rs.getInt(1), rs.getString(2), flags, rs.getString(4), rs.getString(5),
                        links.getOrDefault(rs.getInt(1), List.of()), rs.getString(6)));
            }
        } catch (SQLException e) {
            throw readFailed(e);
        }
        return out;
    }

    public synchronized List<Service> services() {
        return queryJson("SELECT record_json FROM service ORDER BY id", Service.class);
    }

    public synchronized Optional<Service> service(UUID id) {
        return queryJson("SELECT record_json FROM service WHERE id = ?", Service.class, id.toString()).stream().findFirst();
    }

    public synchronized List<Entitlement> entitlements() {
        return queryJson("SELECT record_json FROM entitlement ORDER BY authority_code, nation, area, id", Entitlement.class);
    }

    public synchronized List<AuthorityRoute> routes() {
        return queryJson("SELECT record_json FROM authority_route ORDER BY authority_code, id", AuthorityRoute.class);
    }

    public synchronized List<CouncilTaxScheme> councilTaxSchemes() {
        return queryJson("SELECT record_json FROM council_tax_scheme ORDER BY billing_council, source, source_id", CouncilTaxScheme.class);
    }

    public synchronized List<Entitlement> entitlements(String authorityCode) {
        return queryJson("SELECT record_json FROM entitlement WHERE authority_code = ? ORDER BY area, id", Entitlement.class, authorityCode);
    }

    /** Each change to a service, oldest first: {change, import run, finished at}. */
    public synchronized List<Map<String, String>> serviceHistory(UUID id) {
        List<Map<String, String>> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT c.change, c.import_run, r.finished_at, r.source FROM service_change c JOIN import_run r ON r.id = c.import_run WHERE c.service_id = ? ORDER BY c.seq")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(Map.of("change", rs.getString(1), "import_run", rs.getString(2), "at", rs.getString(3), "source", rs.getString(4)));
            }
        } catch (SQLException e) {
            throw readFailed(e);
        }
        return out;
    }

    /** The newest committed import run (0 when none): a change means the directory should be reloaded. */
    public synchronized long latestImportRun() {
        return queryInt("SELECT COALESCE(MAX(id), 0) FROM import_run");
    }

    public synchronized Stats stats() {
        return new Stats(
                queryInt("SELECT COUNT(*) FROM authority"),
                queryInt("SELECT COUNT(*) FROM authority_boundary"),
                queryInt("SELECT COUNT(*) FROM postcode_district"),
                queryInt("SELECT COUNT(*) FROM district_council"),
                queryInt("SELECT COUNT(*) FROM district_council WHERE geojson IS NOT NULL"),
                queryInt("SELECT COUNT(*) FROM service"),
                queryInt("SELECT COUNT(*) FROM entitlement"),
                queryInt("SELECT COUNT(*) FROM review_row"),
                queryInt("SELECT COUNT(DISTINCT line) FROM review_link"),
                queryInt("SELECT COUNT(*) FROM authority a WHERE NOT EXISTS (SELECT 1 FROM service s WHERE s.authority_code = a.code)"),
                queryInt("SELECT COUNT(*) FROM authority a WHERE NOT EXISTS (SELECT 1 FROM entitlement e WHERE e.authority_code = a.code)"),
                queryInt("SELECT (SELECT COUNT(*) FROM service WHERE illustrative = 1) + (SELECT COUNT(*) FROM entitlement WHERE illustrative = 1)"),
                queryInt("SELECT (SELECT COUNT(*) FROM service WHERE illustrative = 0) + (SELECT COUNT(*) FROM entitlement WHERE illustrative = 0)"));
    }

    /** What the store holds from sources, authority by authority. */
    public synchronized Coverage coverage(java.time.LocalDate today) {
        Map<String, String> countyOf = new HashMap<>();
        for (DistrictCouncil d : districtCouncils()) countyOf.put(d.code(), d.authorityCode());
        return Coverage.of(authorities(), routes(), entitlements(), councilTaxSchemes(), services(), c -> countyOf.getOrDefault(c, c), today);
    }

    /** Writes any WAL content into the main file (used before copying or comparing the file). */
    public synchronized void checkpoint() {
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store: " + e.getMessage(), e);
        }
    }

    private int queryInt(String sql) {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    private <T> List<T> queryJson(String sql, Class<T> type, String... args) {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(RecordJson.read(rs.getString(1), type));
            }
        } catch (SQLException e) {
            throw readFailed(e);
        }
        return out;
    }

    private StoreException readFailed(SQLException e) {
        return new StoreException("the store could not be read: " + e.getMessage(), e);
    }

    /** Writes inside one transaction. Obtained only through {@link Store#write}. */
    public static final class Writer {
        private final Connection conn;

        private Writer(Connection conn) { this.conn = conn; }

        public void upsertAuthorities(List<Authority> authorities) throws SQLException {
            try (PreparedStatement ps = conn.prepareStatement("""
                    INSERT INTO authority (code, name, name_cy, nation, region, kind, lat, lon, record_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET name = excluded.name, name_cy = excluded.name_cy, nation = excluded.nation,
                      region = excluded.region, kind = excluded.kind, lat = excluded.lat, lon = excluded.lon,
                      record_json = excluded.record_json""")) {
                for (Authority a : authorities) {
                    ps.setString(1, a.code());
                    ps.setString(2, a.name());
                    ps.setString(3, a.nameCy());
                    ps.setString(4, a.nation().label());
                    ps.setString(5, a.region());
                    ps.setString(6, a.kind());
                    ps.setDouble(7, a.centroid().lat());
                    ps.setDouble(8, a.centroid().lon());
                    ps.setString(9, RecordJson.write(a));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        public void replaceBoundaries(String source, Map<String, String> geoJsonByCode) throws SQLException {
            try (Statement st = conn.createStatement()) {
                st.execute("DELETE FROM authority_boundary");
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO authority_boundary (code, source, geojson) VALUES (?, ?, ?)")) {
                for (var e : geoJsonByCode.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, source);
                    ps.setString(3, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        public void replaceDistrictCouncils(List<DistrictCouncil> councils, Map<String, String> geoJsonByCode) throws SQLException {
            try (Statement st = conn.createStatement()) {
                st.execute("DELETE FROM district_council");
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO district_council VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (DistrictCouncil c : councils) {
                    ps.setString(1, c.code());
                    ps.setString(2, c.name());
                    ps.setString(3, c.nameCy());
                    ps.setString(4, c.kind());
                    ps.setString(5, c.authorityCode());
                    ps.setString(6, c.officialName());
                    ps.setString(7, geoJsonByCode.get(c.code()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        public void replacePostcodeDistricts(List<PostcodeDistrict> districts) throws SQLException {
            try (Statement st = conn.createStatement()) {
                st.execute("DELETE FROM postcode_district");
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO postcode_district VALUES (?, ?, ?, ?, ?)")) {
                for (PostcodeDistrict d : districts) {
                    ps.setString(1, d.outcode());
                    ps.setDouble(2, d.centroid().lat());
                    ps.setDouble(3, d.centroid().lon());
                    ps.setString(4, d.authorityCode());
                    ps.setString(5, d.nation());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        public void replaceReviewRows(List<ReviewRow> rows) throws SQLException {
            try (Statement st = conn.createStatement()) {
                st.execute("DELETE FROM review_link");
                st.execute("DELETE FROM review_row");
            }
            try (PreparedStatement row = conn.prepareStatement("INSERT INTO review_row VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement link = conn.prepareStatement("INSERT INTO review_link VALUES (?, ?)")) {
                for (ReviewRow r : rows) {
                    row.setInt(1, r.line());
                    row.setString(2, r.rawName());
                    row.setString(3, RecordJson.write(r.flags()));
                    row.setString(4, r.claPer10000());
                    row.setString(5, r.ofstedRating());
                    row.setString(6, r.linkNote());
                    row.addBatch();
                    for (String code : r.authorityCodes()) {
                        link.setInt(1, r.line());
                        link.setString(2, code);
                        link.addBatch();
                    }
                }
                row.executeBatch();
                link.executeBatch();
            }
        }

        public long startImportRun(String source, String files) throws SQLException {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO import_run (source, files, finished_at, added, updated, removed, unchanged) VALUES (?, ?, ?, 0, 0, 0, 0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, source);
                ps.setString(2, files);
                ps.setString(3, Instant.now().toString());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        public void finishImportRun(long run, Changes c) throws SQLException {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE import_run SET finished_at = ?, added = ?, updated = ?, removed = ?, unchanged = ? WHERE id = ?")) {
                ps.setString(1, Instant.now().toString());
                ps.setInt(2, c.added());
                ps.setInt(3, c.updated());
                ps.setInt(4, c.removed());
                ps.setInt(5, c.unchanged());
                ps.setLong(6, run);
                ps.executeUpdate();
            }
        }

        /**
         * Makes the services of {@code source} exactly {@code services}: upserts by (source, source id),
         * removes the source's others. A record whose content is unchanged keeps its import time.
         */
        public Changes replaceServices(String source, List<Service> services, long run) throws SQLException {
            Map<String, String[]> existing = existing("SELECT source_id, id, record_json FROM service WHERE source = ?", source);
            int added = 0, updated = 0, unchanged = 0;
            try (PreparedStatement service = conn.prepareStatement(
                    "INSERT INTO service (id, source, source_id, name, authority_code, illustrative, last_verified, imported_at, import_run, record_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement need = conn.prepareStatement("INSERT INTO service_need VALUES (?, ?)");
                 PreparedStatement change = conn.prepareStatement("INSERT INTO service_change (service_id, import_run, change, record_json) VALUES (?, ?, ?, ?)");
                 PreparedStatement delete = conn.prepareStatement("DELETE FROM service WHERE id = ?")) {
                for (Service s : services) {
                    String[] old = existing.remove(s.provenance().sourceId());
                    String kind = "added";
                    if (old != null) {
                        if (sameContent(RecordJson.read(old[1], Service.class), s)) { unchanged++; continue; }
                        updated++;
                        kind = "updated";
                        delete.setString(1, old[0]);
                        delete.executeUpdate(); // its needs go with it (ON DELETE CASCADE)
                    } else {
                        added++;
                    }
                    String json = RecordJson.write(s);
                    Provenance p = s.provenance();
                    String id = s.id().toString();
                    service.setString(1, id);
                    service.setString(2, p.source());
                    service.setString(3, p.sourceId());
                    service.setString(4, s.name());
                    service.setString(5, s.authorityCode());
                    service.setInt(6, p.illustrative() ? 1 : 0);
                    service.setString(7, p.lastVerified() == null ? null : p.lastVerified().toString());
                    service.setString(8, p.importedAt().toString());
                    service.setLong(9, run);
                    service.setString(10, json);
                    service.addBatch();
                    for (String n : s.needs()) {
                        need.setString(1, id);
                        need.setString(2, n);
                        need.addBatch();
                    }
                    change.setString(1, id);
                    change.setLong(2, run);
                    change.setString(3, kind);
                    change.setString(4, json);
                    change.addBatch();
                    if ((added + updated) % 2000 == 0) {
                        service.executeBatch();
                        need.executeBatch();
                        change.executeBatch();
                    }
                }
                service.executeBatch();
                need.executeBatch();
                change.executeBatch();
                for (String[] gone : existing.values()) {
                    delete.setString(1, gone[0]);
                    delete.executeUpdate();
                    change.setString(1, gone[0]);
                    change.setLong(2, run);
                    change.setString(3, "removed");
                    change.setString(4, null);
                    change.addBatch();
                }
                change.executeBatch();
            }
            return new Changes(added, updated, existing.size(), unchanged);
        }

        /** As {@link #replaceServices}, for entitlements. */
        public Changes replaceEntitlements(String source, List<Entitlement> entitlements, long run) throws SQLException {
            return replaceRecords("entitlement", "authority_code, nation, area, topic, illustrative", source, entitlements, run,
                    e -> e.provenance().sourceId(), e -> e.id().toString(), Entitlement.class,
                    e -> e.withProvenance(e.provenance().withoutImportTime()),
                    e -> new Object[]{e.authorityCode(), e.nation() == null ? null : e.nation().label(), e.area().code(),
                            e.topic() == null ? "other" : e.topic(), e.provenance().illustrative() ? 1 : 0});
        }

        /** As {@link #replaceServices}, for care leavers' council tax schemes. */
        public Changes replaceCouncilTax(String source, List<CouncilTaxScheme> schemes, long run) throws SQLException {
            return replaceRecords("council_tax_scheme", "billing_council, illustrative", source, schemes, run,
                    c -> c.provenance().sourceId(), c -> c.id().toString(), CouncilTaxScheme.class,
                    c -> new CouncilTaxScheme(c.id(), c.billingCouncil(), c.careLeaversOf(), c.whoStated(), c.ages(), c.percent(), c.reduction(),
                            c.conditions(), c.howToApply(), c.provenance().withoutImportTime()),
                    c -> new Object[]{c.billingCouncil(), c.provenance().illustrative() ? 1 : 0});
        }

        /** Makes the routes of {@code source} exactly {@code routes}. */
        public Changes replaceRoutes(String source, List<AuthorityRoute> routes) throws SQLException {
            List<String> before = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT record_json FROM authority_route WHERE source = ?")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) before.add(RecordJson.write(withoutImportTime(RecordJson.read(rs.getString(1), AuthorityRoute.class))));
                }
            }
            List<String> after = routes.stream().map(r -> RecordJson.write(withoutImportTime(r))).toList();
            int unchanged = 0;
            List<String> remaining = new ArrayList<>(before);
            for (String a : after) if (remaining.remove(a)) unchanged++;
            execute("DELETE FROM authority_route WHERE source = ?", source);
            try (PreparedStatement ins = conn.prepareStatement("INSERT INTO authority_route (source, authority_code, kind, record_json) VALUES (?, ?, ?, ?)")) {
                for (AuthorityRoute r : routes) {
                    ins.setString(1, source);
                    ins.setString(2, r.authorityCode());
                    ins.setString(3, r.kind().code());
                    ins.setString(4, RecordJson.write(r));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return new Changes(after.size() - unchanged, 0, remaining.size(), unchanged);
        }

        private static AuthorityRoute withoutImportTime(AuthorityRoute r) {
            return new AuthorityRoute(r.authorityCode(), r.kind(), r.name(), r.phones(), r.email(), r.address(), r.postcode(), r.hours(),
                    r.url(), r.note(), r.provenance().withoutImportTime());
        }

        /**
         * Makes the records of {@code source} in {@code table} exactly {@code records}, by source id;
         * a record whose content is unchanged is left as it was.
         */
        private <T> Changes replaceRecords(String table, String columns, String source, List<T> records, long run,
                                           java.util.function.Function<T, String> sourceId, java.util.function.Function<T, String> id,
                                           Class<T> type, java.util.function.UnaryOperator<T> comparable,
                                           java.util.function.Function<T, Object[]> values) throws SQLException {
            Map<String, String[]> existing = existing("SELECT source_id, id, record_json FROM " + table + " WHERE source = ?", source);
            int added = 0, updated = 0, unchanged = 0, extra = columns.split(",").length;
            String sql = "INSERT INTO " + table + " (id, source, source_id, import_run, record_json, " + columns + ") VALUES (?, ?, ?, ?, ?"
                    + ", ?".repeat(extra) + ")";
            try (PreparedStatement ins = conn.prepareStatement(sql)) {
                for (T r : records) {
                    String[] old = existing.remove(sourceId.apply(r));
                    if (old != null) {
                        if (comparable.apply(RecordJson.read(old[1], type)).equals(comparable.apply(r))) { unchanged++; continue; }
                        updated++;
                        execute("DELETE FROM " + table + " WHERE id = ?", old[0]);
                    } else {
                        added++;
                    }
                    ins.setString(1, id.apply(r));
                    ins.setString(2, source);
                    ins.setString(3, sourceId.apply(r));
                    ins.setLong(4, run);
                    ins.setString(5, RecordJson.write(r));
                    Object[] v = values.apply(r);
                    for (int i = 0; i < v.length; i++) ins.setObject(6 + i, v[i]);
                    ins.executeUpdate();
                }
            }
            for (String[] gone : existing.values()) execute("DELETE FROM " + table + " WHERE id = ?", gone[0]);
            return new Changes(added, updated, existing.size(), unchanged);
        }

        private static boolean sameContent(Service a, Service b) {
            return withoutImportTime(a).equals(withoutImportTime(b));
        }

        private static Service withoutImportTime(Service s) {
            return s.withProvenance(s.provenance().withoutImportTime());
        }

        private Map<String, String[]> existing(String sql, String source) throws SQLException {
            Map<String, String[]> out = new HashMap<>();
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3)});
                }
            }
            return out;
        }

        private void execute(String sql, String arg) throws SQLException {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setString(1, arg);
                ps.executeUpdate();
            }
        }
    }
}
