package uk.localoffer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes the history of records (record_change) and what authorities withdrew (withdrawn). */
final class Changelog {
    private Changelog() { }

    static PreparedStatement statement(Connection conn) throws SQLException {
        return conn.prepareStatement("INSERT INTO record_change (kind, record_id, import_run, change, before_json, before_run, record_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    /**
     * Adds one change to {@code ps}'s batch: the record before (null when added) with the run that
     * wrote it ({@code beforeRun}, null when not known), and after (null when gone).
     */
    static void add(PreparedStatement ps, String kind, String id, long run, String change, String before, Long beforeRun, String after) throws SQLException {
        Sql.bind(ps, kind, id, run, change, before, beforeRun, after);
        ps.addBatch();
    }

    static void record(Connection conn, String kind, String id, long run, String change, String before, Long beforeRun, String after) throws SQLException {
        try (PreparedStatement ps = statement(conn)) {
            add(ps, kind, id, run, change, before, beforeRun, after);
            ps.executeBatch();
        }
    }

    static void withdraw(Connection conn, String kind, String id, String authority, long run) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO withdrawn (kind, id, authority_code, import_run) VALUES (?, ?, ?, ?)")) {
            Sql.bind(ps, kind, id, authority, run).executeUpdate();
        }
    }

    static void unwithdraw(Connection conn, String kind, String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM withdrawn WHERE kind = ? AND id = ?")) {
            Sql.bind(ps, kind, id).executeUpdate();
        }
    }

    static boolean isWithdrawn(Connection conn, String kind, String id) throws SQLException {
        return withdrawnBy(conn, kind, id) != null;
    }

    /** The authority that withdrew the record, or null when it is not withdrawn. */
    static String withdrawnBy(Connection conn, String kind, String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT authority_code FROM withdrawn WHERE kind = ? AND id = ?")) {
            try (var rs = Sql.bind(ps, kind, id).executeQuery()) { return rs.next() ? rs.getString(1) : null; }
        }
    }
}
