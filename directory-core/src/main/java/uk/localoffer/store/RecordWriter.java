package uk.localoffer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the records of one {@link RecordTable}, recording each change where the table keeps a
 * history. An import makes one source's records exactly the given ones ({@link #replace}); an
 * authority's write keeps one record under the authority's own source ({@link #put}) or
 * withdraws it ({@link #withdraw}).
 *
 * <p>Precedence: what an authority wrote wins. An import never touches a record an authority's
 * source holds, nor brings back one an authority withdrew; both count as unchanged for it.
 */
public final class RecordWriter<T> {
    private static final int BATCH = 2000;

    private final Connection conn;
    private final RecordTable<T> table;

    RecordWriter(Connection conn, RecordTable<T> table) {
        this.conn = conn;
        this.table = table;
    }

    /**
     * Makes the source's records exactly {@code records}, one write per record: inserted in id order
     * (the primary key's order, so its B-tree grows at one end), and its history written only when a
     * record changes or goes: an added record's history starts from the record itself (see
     * {@link Ledger#history}), so an import does not keep a second copy of every new record.
     */
    Changes replace(String source, List<T> records, long run) throws SQLException {
        Map<String, String[]> existing = existing(source);
        Set<String> held = heldByAuthorities(source);
        int added = 0, updated = 0, unchanged = 0;
        List<Map.Entry<String, T>> inKeyOrder = new ArrayList<>(records.size());
        for (T r : records) inKeyOrder.add(Map.entry(table.id().apply(r), r));
        inKeyOrder.sort(Map.Entry.comparingByKey());
        try (PreparedStatement insert = conn.prepareStatement(table.insert());
             PreparedStatement delete = conn.prepareStatement("DELETE FROM " + table.table() + " WHERE id = ?");
             PreparedStatement change = table.kind() == null ? null : Changelog.statement(conn)) {
            for (Map.Entry<String, T> keyed : inKeyOrder) {
                T r = keyed.getValue();
                String id = keyed.getKey();
                String[] old = existing.remove(table.provenance().apply(r).sourceId());
                if (old == null && held.contains(id)) { unchanged++; continue; }
                if (old != null) {
                    if (sameContent(RecordJson.read(old[1], table.type()), r)) { unchanged++; continue; }
                    updated++;
                    delete.setString(1, old[0]);
                    delete.executeUpdate();
                } else {
                    added++;
                }
                String json = RecordJson.write(r);
                addInsert(insert, r, id, source, table.provenance().apply(r).sourceId(), run, json);
                if (change != null && old != null) Changelog.add(change, table.kind(), id, run, "updated", old[1], Long.parseLong(old[2]), json);
                if ((added + updated) % BATCH == 0) execute(insert, change);
            }
            execute(insert, change);
            for (String[] gone : existing.values()) {
                delete.setString(1, gone[0]);
                delete.executeUpdate();
                if (change != null) Changelog.add(change, table.kind(), gone[0], run, "removed", gone[1], Long.parseLong(gone[2]), null);
            }
            execute(change);
        }
        return new Changes(added, updated, existing.size(), unchanged);
    }

    /** The record with this id, whichever source keeps it. */
    public Optional<Stored<T>> byId(String id) throws SQLException {
        List<Stored<T>> found = query("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every record of an authority, whichever source keeps it, in id order. */
    public List<Stored<T>> ofAuthority(String authority) throws SQLException {
        return query("WHERE authority_code = ? ORDER BY id", authority);
    }

    /** The authority that withdrew the record with this id (and has not written it again); null when none did. */
    public String withdrawnBy(String id) throws SQLException {
        return Changelog.withdrawnBy(conn, table.kind(), id);
    }

    /**
     * Keeps {@code record} under {@code source} and its id, in place of any version (from any
     * source) with that id, and records the change ({@code added}, {@code updated} or
     * {@code verified}) with the version before, null when there was none.
     */
    public void put(T record, String source, long run, String change, T before) throws SQLException {
        String id = table.id().apply(record), json = RecordJson.write(record);
        Long beforeRun = runOf(id);
        delete(id);
        Changelog.unwithdraw(conn, table.kind(), id);
        try (PreparedStatement insert = conn.prepareStatement(table.insert())) {
            addInsert(insert, record, id, source, id, run, json);
            execute(insert);
        }
        Changelog.record(conn, table.kind(), id, run, change, before == null ? null : RecordJson.write(before), before == null ? null : beforeRun, json);
    }

    /** Takes {@code record} out of the directory for good (a re-import does not bring it back); its history stays. */
    public void withdraw(T record, String authority, long run) throws SQLException {
        String id = table.id().apply(record);
        Long beforeRun = runOf(id);
        delete(id);
        Changelog.withdraw(conn, table.kind(), id, authority, run);
        Changelog.record(conn, table.kind(), id, run, "withdrawn", RecordJson.write(record), beforeRun, null);
    }

    /** The run that wrote the record kept under this id now; null when none is kept. */
    private Long runOf(String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT import_run FROM " + table.table() + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) { return rs.next() ? rs.getLong(1) : null; }
        }
    }

    private void delete(String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table.table() + " WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private void addInsert(PreparedStatement insert, T r, String id, String source, String sourceId, long run, String json) throws SQLException {
        insert.setString(1, id);
        insert.setString(2, source);
        insert.setString(3, sourceId);
        insert.setLong(4, run);
        insert.setString(5, json);
        Object[] values = table.values().apply(r);
        for (int i = 0; i < values.length; i++) insert.setObject(6 + i, values[i]);
        insert.addBatch();
    }

    private boolean sameContent(T stored, T incoming) {
        return table.withoutImportTime(stored).equals(table.withoutImportTime(incoming));
    }

    /** The source's records now: source id to {id, record JSON, the run that wrote it}. */
    private Map<String, String[]> existing(String source) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT source_id, id, record_json, import_run FROM " + table.table() + " WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return out;
    }

    /** Ids an authority's own source keeps (other than {@code source}) or withdrew: an import leaves them be. */
    private Set<String> heldByAuthorities(String source) throws SQLException {
        Set<String> out = new HashSet<>();
        if (table.kind() == null) return out;
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM " + table.table() + " WHERE source LIKE 'authority/%' AND source <> ?"
                + " UNION SELECT id FROM withdrawn WHERE kind = ?")) {
            ps.setString(1, source);
            ps.setString(2, table.kind());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<Stored<T>> query(String where, String arg) throws SQLException {
        List<Stored<T>> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT record_json, source FROM " + table.table() + " " + where)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Stored<>(RecordJson.read(rs.getString(1), table.type()), rs.getString(2)));
            }
        }
        return out;
    }

    private static void execute(PreparedStatement... batches) throws SQLException {
        for (PreparedStatement ps : batches) if (ps != null) ps.executeBatch();
    }
}
