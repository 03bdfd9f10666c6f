package uk.localoffer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the records of one source in one {@link RecordTable} exactly the given ones: upserts by
 * (source, source id), removes the source's others, and leaves a record whose content is
 * unchanged as it was (with its import time). Where the table keeps a history, each change is
 * recorded in it.
 */
final class RecordWriter<T> {
    private static final int BATCH = 2000;

    private final Connection conn;
    private final RecordTable<T> table;

    RecordWriter(Connection conn, RecordTable<T> table) {
        this.conn = conn;
        this.table = table;
    }

    Changes replace(String source, List<T> records, long run) throws SQLException {
        Map<String, String[]> existing = existing(source);
        int added = 0, updated = 0, unchanged = 0;
        try (PreparedStatement insert = conn.prepareStatement(table.insert());
             PreparedStatement delete = conn.prepareStatement("DELETE FROM " + table.table() + " WHERE id = ?");
             PreparedStatement need = table.needs() == null ? null : conn.prepareStatement("INSERT INTO " + table.needs() + " VALUES (?, ?)");
             PreparedStatement change = table.history() == null ? null
                     : conn.prepareStatement("INSERT INTO " + table.history() + " (service_id, import_run, change, record_json) VALUES (?, ?, ?, ?)")) {
            for (T r : records) {
                String[] old = existing.remove(table.provenance().apply(r).sourceId());
                String kind = "added";
                if (old != null) {
                    if (sameContent(RecordJson.read(old[1], table.type()), r)) { unchanged++; continue; }
                    updated++;
                    kind = "updated";
                    delete.setString(1, old[0]);
                    delete.executeUpdate(); // its needs go with it (ON DELETE CASCADE)
                } else {
                    added++;
                }
                String json = RecordJson.write(r), id = table.id().apply(r);
                insert.setString(1, id);
                insert.setString(2, source);
                insert.setString(3, table.provenance().apply(r).sourceId());
                insert.setLong(4, run);
                insert.setString(5, json);
                Object[] values = table.values().apply(r);
                for (int i = 0; i < values.length; i++) insert.setObject(6 + i, values[i]);
                insert.addBatch();
                if (need != null) for (String n : table.needCodes().apply(r)) add(need, id, n);
                if (change != null) record(change, id, run, kind, json);
                if ((added + updated) % BATCH == 0) execute(insert, need, change);
            }
            execute(insert, need, change);
            for (String[] gone : existing.values()) {
                delete.setString(1, gone[0]);
                delete.executeUpdate();
                if (change != null) record(change, gone[0], run, "removed", null);
            }
            execute(change);
        }
        return new Changes(added, updated, existing.size(), unchanged);
    }

    private boolean sameContent(T stored, T incoming) {
        return table.withoutImportTime().apply(stored).equals(table.withoutImportTime().apply(incoming));
    }

    /** The source's records now: source id to {id, record JSON}. */
    private Map<String, String[]> existing(String source) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT source_id, id, record_json FROM " + table.table() + " WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }

    private static void add(PreparedStatement ps, String id, String value) throws SQLException {
        ps.setString(1, id);
        ps.setString(2, value);
        ps.addBatch();
    }

    private static void record(PreparedStatement change, String id, long run, String kind, String json) throws SQLException {
        change.setString(1, id);
        change.setLong(2, run);
        change.setString(3, kind);
        change.setString(4, json);
        change.addBatch();
    }

    private static void execute(PreparedStatement... batches) throws SQLException {
        for (PreparedStatement ps : batches) if (ps != null) ps.executeBatch();
    }
}
