package uk.localoffer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The versioned schema (src/main/resources/db/migration): each migration applied once, in order, in its own transaction. */
final class Migrations {
    static final List<String> ALL = List.of("V1__directory.sql", "V2__district_councils.sql", "V3__sourced_offers.sql", "V4__authority_writes.sql",
            "V5__store_version.sql");

    private Migrations() { }

    /** Applies the migrations this store has not had yet. */
    static void apply(Connection conn, Clock clock) throws SQLException, IOException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int current = 0;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            if (rs.next()) current = rs.getInt(1);
        }
        if (current > ALL.size())
            throw new SQLException("the store has schema version " + current + ", newer than this program knows (" + ALL.size() + ")");
        for (int v = current + 1; v <= ALL.size(); v++) apply(conn, v, ALL.get(v - 1), clock.instant());
    }

    private static void apply(Connection conn, int version, String name, Instant at) throws SQLException, IOException {
        String sql;
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + name)) {
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
                ps.setInt(1, version);
                ps.setString(2, name);
                ps.setString(3, at.toString());
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
