package uk.localoffer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The store's record of who may write and what was written: API keys (hashes only), the history
 * of each record and the audit of every write. Reads only; obtained through {@link Store#ledger()}.
 */
public final class Ledger {
    /**
     * One change to a record: when, by which run (an operator's import of {@code source}, or an API
     * key), and the record before and after as stored (null when it did not exist), with the run
     * that wrote the record before (null when not known). {@code seq} is 0 for an 'added' read
     * from the record (see {@link #history}).
     */
    public record Change(long seq, String change, Instant at, String source, String keyId, String keyName, String keyAuthority,
                         String beforeJson, String afterJson, Long beforeRun) { }

    /** One write: which key, what it did to which record, when. */
    public record AuditRow(long seq, Instant at, String keyId, String keyName, String authority, String action, String kind, String recordId) { }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static final String KEYS = "SELECT k.id, k.authority_code, k.name, k.algorithm, k.iterations, k.salt, k.hash, k.created_at, k.revoked_at,"
            + " (SELECT MAX(a.at) FROM audit a WHERE a.key_id = k.id) FROM api_key k ";

    private final Store lock;
    private final Connection conn;

    Ledger(Store lock, Connection conn) {
        this.lock = lock;
        this.conn = conn;
    }

    public Optional<ApiKeyRow> key(String id) {
        return query(KEYS + "WHERE k.id = ?", Ledger::key, id).stream().findFirst();
    }

    /** Every key, newest first. */
    public List<ApiKeyRow> keys() { return query(KEYS + "ORDER BY k.created_at DESC, k.id", Ledger::key); }

    /**
     * Each change to one record ({@code kind}: service, entitlement or leaving_care_team), oldest
     * first. An import writes no row when it adds a record (one write per record): its 'added' is
     * the record as that run wrote it, read from the record itself while nothing has changed it
     * since, else from the first change's version before and the run that wrote it.
     */
    public List<Change> history(String kind, String recordId) {
        List<Change> rows = query("""
                SELECT c.seq, c.change, r.finished_at, r.source, r.key_id, k.name, k.authority_code, c.before_json, c.record_json, c.before_run
                FROM record_change c JOIN import_run r ON r.id = c.import_run LEFT JOIN api_key k ON k.id = r.key_id
                WHERE c.kind = ? AND c.record_id = ? ORDER BY c.seq""",
                rs -> new Change(rs.getLong(1), rs.getString(2), instant(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10) == null ? null : rs.getLong(10)), kind, recordId);
        Change first = rows.isEmpty() ? null : rows.get(0);
        if (first != null && (first.change().equals("added") || first.beforeJson() == null || first.beforeRun() == null)) return rows;
        Change added = first != null ? addedBy(first.beforeRun(), first.beforeJson()) : kept(kind, recordId);
        if (added == null) return rows;
        List<Change> out = new ArrayList<>(rows.size() + 1);
        out.add(added);
        out.addAll(rows);
        return out;
    }

    /** The record kept now as the 'added' change of the run that wrote it; null when none is kept. */
    private Change kept(String kind, String recordId) {
        String table = switch (kind) {
            case "service" -> "service";
            case "entitlement" -> "entitlement";
            default -> null;
        };
        if (table == null) return null;
        List<Object[]> found = query("SELECT import_run, record_json FROM " + table + " WHERE id = ?", rs -> new Object[]{rs.getLong(1), rs.getString(2)}, recordId);
        return found.isEmpty() ? null : addedBy((Long) found.get(0)[0], (String) found.get(0)[1]);
    }

    private Change addedBy(long run, String json) {
        return query("SELECT r.finished_at, r.source, r.key_id, k.name, k.authority_code FROM import_run r LEFT JOIN api_key k ON k.id = r.key_id WHERE r.id = ?",
                rs -> new Change(0, "added", instant(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), null, json, null),
                run).stream().findFirst().orElse(null);
    }

    /** The newest {@code limit} writes, newest first; of one authority when {@code authority} is given. */
    public List<AuditRow> audit(String authority, int limit) {
        return query("SELECT a.seq, a.at, a.key_id, k.name, a.authority_code, a.action, a.kind, a.record_id"
                        + " FROM audit a LEFT JOIN api_key k ON k.id = a.key_id WHERE (? IS NULL OR a.authority_code = ?) ORDER BY a.seq DESC LIMIT ?",
                rs -> new AuditRow(rs.getLong(1), instant(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)), authority, authority, limit);
    }

    private static ApiKeyRow key(ResultSet rs) throws SQLException {
        return new ApiKeyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getBytes(6), rs.getBytes(7),
                instant(rs.getString(8)), instant(rs.getString(9)), instant(rs.getString(10)));
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        synchronized (lock) {
            List<T> out = new ArrayList<>();
            try (PreparedStatement ps = Sql.bind(conn.prepareStatement(sql), args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.read(rs));
            } catch (SQLException e) {
                throw new StoreException("the store could not be read: " + e.getMessage(), e);
            }
            return out;
        }
    }

    private static Instant instant(String s) { return s == null ? null : Instant.parse(s); }
}
