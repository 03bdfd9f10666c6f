package uk.localoffer.store;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.PostcodeDistrict;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes inside one transaction. Obtained only through {@link Store#write}. */
public final class Writer {
    /** The kind a leaving care team contact's changes and withdrawal are recorded under. */
    public static final String TEAM = "leaving_care_team";
    private final Connection conn;
    private final Clock clock;
    /** Whether anything the directory shows was written (not only keys or the audit): the store's version moves then. */
    private boolean changed;

    Writer(Connection conn, Clock clock) {
        this.conn = conn;
        this.clock = clock;
    }

    boolean changedContents() { return changed; }

    private void changes() { changed = true; }

    public void upsertAuthorities(List<Authority> authorities) throws SQLException {
        changes();
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
        changes();
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
        changes();
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
        changes();
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
        changes();
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
        return startRun(source, files, null);
    }

    /** A run of changes made with an API key ({@code keyId}; null for an operator's import). */
    public long startRun(String source, String files, String keyId) throws SQLException {
        changes();
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO import_run (source, files, finished_at, added, updated, removed, unchanged, key_id) VALUES (?, ?, ?, 0, 0, 0, 0, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, source);
            ps.setString(2, files);
            ps.setString(3, clock.instant().toString());
            ps.setString(4, keyId);
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
            ps.setString(1, clock.instant().toString());
            ps.setInt(2, c.added());
            ps.setInt(3, c.updated());
            ps.setInt(4, c.removed());
            ps.setInt(5, c.unchanged());
            ps.setLong(6, run);
            ps.executeUpdate();
        }
    }

    /** Reads and writes single records of one kind: what an authority's key does. */
    public <T> RecordWriter<T> records(RecordTable<T> table) {
        changes();
        return new RecordWriter<>(conn, table);
    }

    /**
     * Makes the services of {@code source} exactly {@code services}: upserts by (source, source id),
     * removes the source's others, records each change. A record whose content is unchanged keeps its import time.
     */
    public Changes replaceServices(String source, List<Service> services, long run) throws SQLException {
        changes();
        return new RecordWriter<>(conn, RecordTable.SERVICES).replace(source, services, run);
    }

    /** As {@link #replaceServices}, for entitlements. */
    public Changes replaceEntitlements(String source, List<Entitlement> entitlements, long run) throws SQLException {
        changes();
        return new RecordWriter<>(conn, RecordTable.ENTITLEMENTS).replace(source, entitlements, run);
    }

    /** As {@link #replaceServices}, for care leavers' council tax schemes. */
    public Changes replaceCouncilTax(String source, List<CouncilTaxScheme> schemes, long run) throws SQLException {
        changes();
        return new RecordWriter<>(conn, RecordTable.COUNCIL_TAX).replace(source, schemes, run);
    }

    /** Makes the routes of {@code source} exactly {@code routes}. */
    public Changes replaceRoutes(String source, List<AuthorityRoute> routes) throws SQLException {
        changes();
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

    /** Every source's leaving care team routes of an authority, in the order they were written. */
    public List<Stored<AuthorityRoute>> teamRoutes(String authority) throws SQLException {
        List<Stored<AuthorityRoute>> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT record_json, source FROM authority_route WHERE authority_code = ? AND kind = ? ORDER BY id")) {
            try (ResultSet rs = Sql.bind(ps, authority, AuthorityRoute.Kind.LEAVING_CARE_TEAM.code()).executeQuery()) {
                while (rs.next()) out.add(new Stored<>(RecordJson.read(rs.getString(1), AuthorityRoute.class), rs.getString(2)));
            }
        }
        return out;
    }

    /** The leaving care team contact in force for an authority ({@link RoutePrecedence}), if any. */
    public java.util.Optional<Stored<AuthorityRoute>> team(String authority) throws SQLException {
        List<Stored<AuthorityRoute>> all = teamRoutes(authority);
        Set<String> withdrawn = Changelog.isWithdrawn(conn, TEAM, authority) ? Set.of(authority) : Set.of();
        return RoutePrecedence.inForce(all, withdrawn).stream().findFirst();
    }

    /** Keeps {@code team} as the authority's own leaving care team contact, recording the change from {@code before}. */
    public void putTeam(AuthorityRoute team, long run, String change, AuthorityRoute before) throws SQLException {
        changes();
        String gss = team.authorityCode();
        deleteOwnTeam(gss);
        Changelog.unwithdraw(conn, TEAM, gss);
        try (PreparedStatement ins = conn.prepareStatement("INSERT INTO authority_route (source, authority_code, kind, record_json) VALUES (?, ?, ?, ?)")) {
            Sql.bind(ins, Stored.authoritySource(gss), gss, AuthorityRoute.Kind.LEAVING_CARE_TEAM.code(), RecordJson.write(team)).executeUpdate();
        }
        Changelog.record(conn, TEAM, gss, run, change, before == null ? null : RecordJson.write(before), null, RecordJson.write(team));
    }

    /** Withdraws the authority's leaving care team contact: its own and the default dataset's stop being shown. */
    public void withdrawTeam(AuthorityRoute before, long run) throws SQLException {
        changes();
        String gss = before.authorityCode();
        deleteOwnTeam(gss);
        Changelog.withdraw(conn, TEAM, gss, gss, run);
        Changelog.record(conn, TEAM, gss, run, "withdrawn", RecordJson.write(before), null, null);
    }

    private void deleteOwnTeam(String gss) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM authority_route WHERE source = ? AND authority_code = ? AND kind = ?")) {
            Sql.bind(ps, Stored.authoritySource(gss), gss, AuthorityRoute.Kind.LEAVING_CARE_TEAM.code()).executeUpdate();
        }
    }

    public void addKey(ApiKeyRow k) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO api_key (id, authority_code, name, algorithm, iterations, salt, hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            Sql.bind(ps, k.id(), k.authority(), k.name(), k.algorithm(), k.iterations(), k.salt(), k.hash(), k.createdAt().toString()).executeUpdate();
        }
    }

    /** Revokes a key from now on; false when there is no such key or it was revoked already. */
    public boolean revokeKey(String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            return Sql.bind(ps, clock.instant().toString(), id).executeUpdate() == 1;
        }
    }

    /** One line of the audit: which key did what to which record, when. Never the record's contents. */
    public void audit(String keyId, String authority, String action, String kind, String recordId, long run) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO audit (at, key_id, authority_code, action, kind, record_id, import_run) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Sql.bind(ps, clock.instant().toString(), keyId, authority, action, kind, recordId, run).executeUpdate();
        }
    }

    private static AuthorityRoute withoutImportTime(AuthorityRoute r) {
        return new AuthorityRoute(r.authorityCode(), r.kind(), r.name(), r.phones(), r.email(), r.address(), r.postcode(), r.hours(),
                r.url(), r.note(), r.provenance().withoutImportTime());
    }

    private void execute(String sql, String arg) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, arg);
            ps.executeUpdate();
        }
    }
}
