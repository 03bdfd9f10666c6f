package uk.localoffer.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binding a statement's parameters in one call. */
final class Sql {
    private Sql() { }

    /** Sets the statement's parameters, in order (null binds SQL NULL), and answers it. */
    static PreparedStatement bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
        return ps;
    }
}
