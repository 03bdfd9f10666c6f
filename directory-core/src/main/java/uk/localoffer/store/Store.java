package uk.localoffer.store;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.PostcodeDistrict;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
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
    private final Path file;
    private final Connection conn;
    private final Clock clock;

    private Store(Path file, Connection conn, Clock clock) {
        this.file = file;
        this.conn = conn;
        this.clock = clock;
    }

    public static Store open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /** {@code clock}: when import runs and migrations are recorded as done. */
    public static Store open(Path file, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            java.util.Properties props = new java.util.Properties();
            // Writers take the lock when the transaction begins, so a reader never sees half an import.
            props.setProperty("transaction_mode", "IMMEDIATE");
            Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
            try (Statement st = conn.createStatement()) {
                // 16 KB pages (a new store only): a service's row (its record's JSON, about 1.3 KB) fills them well,
                // where two rows to a 4 KB page left a third of each empty.
                st.execute("PRAGMA page_size = 16384");
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("PRAGMA busy_timeout = 5000");
                // 128 MB of page cache (outside the Java heap): a national import updates indexes all over the file.
                st.execute("PRAGMA cache_size = -131072");
            }
            Store store = new Store(file, conn, clock);
            Migrations.apply(conn, clock);
            return store;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the store at " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

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

    /**
     * As {@link #write}, and on disk before it returns (synchronous FULL for this one commit): what
     * an API write answers 200 for survives a crash of the machine, not only of the process.
     */
    public <T> T writeDurably(Work<T> work) {
        synchronized (this) {
            pragma("synchronous = FULL");
            try {
                return transaction(work, false);
            } finally {
                pragma("synchronous = NORMAL");
            }
        }
    }

    private void pragma(String setting) {
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA " + setting);
        } catch (SQLException e) {
            throw new StoreException("the store could not be set up: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in a transaction that is always rolled back: what would change, without changing. */
    public <T> T dryRun(Work<T> work) {
        return transaction(work, true);
    }

    private synchronized <T> T transaction(Work<T> work, boolean rollback) {
        try {
            conn.setAutoCommit(false);
            try {
                Writer writer = new Writer(conn, clock);
                T result = work.run(writer);
                if (rollback) conn.rollback();
                else {
                    if (writer.changedContents()) bumpVersion();
                    conn.commit();
                }
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

    /** A new version with a fresh random stamp, inside the writing transaction. */
    private void bumpVersion() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("UPDATE store_version SET version = version + 1, stamp = lower(hex(randomblob(8)))");
        }
    }

    // ---- reads ----

    /**
     * The version of what the directory shows (every record, authority, boundary and route): it
     * changes with every committed write that changes any of them, never otherwise (keys and the
     * audit leave it), and is never the same for two different contents of this file, even after a
     * copy of it is restored (each change draws a random stamp).
     */
    public synchronized String version() {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT version, stamp FROM store_version WHERE id = 1")) {
            if (!rs.next()) throw new StoreException("the store has no version row", null);
            return rs.getLong(1) + "-" + rs.getString(2);
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

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

    /**
     * Every service's record JSON in id order, one at a time (the whole directory is never held
     * at once): what the search index is built from.
     */
    public synchronized void forEachServiceJson(java.util.function.Consumer<String> each) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT record_json FROM service ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) each.accept(rs.getString(1));
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    public synchronized int serviceCount() {
        return queryInt("SELECT COUNT(*) FROM service");
    }

    /** The services an authority's offer lists or whose area it serves. */
    public synchronized List<Service> servicesOf(String authorityCode) {
        return queryJson("SELECT record_json FROM service WHERE authority_code = ? ORDER BY id", Service.class, authorityCode);
    }

    public synchronized Optional<Service> service(UUID id) {
        return queryJson("SELECT record_json FROM service WHERE id = ?", Service.class, id.toString()).stream().findFirst();
    }

    public synchronized List<Entitlement> entitlements() {
        return queryJson("SELECT record_json FROM entitlement ORDER BY authority_code, nation, area, id", Entitlement.class);
    }

    /** The routes in force ({@link RoutePrecedence}: what an authority wrote itself wins), by authority. */
    public synchronized List<AuthorityRoute> routes() {
        List<Stored<AuthorityRoute>> all = new ArrayList<>();
        java.util.Set<String> withdrawnTeams = new java.util.HashSet<>();
        try (Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT record_json, source FROM authority_route ORDER BY authority_code, id")) {
                while (rs.next()) all.add(new Stored<>(RecordJson.read(rs.getString(1), AuthorityRoute.class), rs.getString(2)));
            }
            try (ResultSet rs = st.executeQuery("SELECT id FROM withdrawn WHERE kind = '" + Writer.TEAM + "'")) {
                while (rs.next()) withdrawnTeams.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw readFailed(e);
        }
        return RoutePrecedence.inForce(all, withdrawnTeams).stream().map(Stored::record).toList();
    }

    /** The authorities whose way in comes from routes: any source holds a route of theirs, or they withdrew their team's contact. */
    public synchronized java.util.Set<String> authoritiesWithRoutes() {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT authority_code FROM authority_route UNION SELECT id FROM withdrawn WHERE kind = '" + Writer.TEAM + "'")) {
            while (rs.next()) out.add(rs.getString(1));
        } catch (SQLException e) {
            throw readFailed(e);
        }
        return out;
    }

    public synchronized List<CouncilTaxScheme> councilTaxSchemes() {
        return queryJson("SELECT record_json FROM council_tax_scheme ORDER BY billing_council, source, source_id", CouncilTaxScheme.class);
    }

    public synchronized List<Entitlement> entitlements(String authorityCode) {
        return queryJson("SELECT record_json FROM entitlement WHERE authority_code = ? ORDER BY area, id", Entitlement.class, authorityCode);
    }

    /** Keys, the history of records and the audit of writes. */
    public Ledger ledger() { return new Ledger(this, conn); }

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
}
