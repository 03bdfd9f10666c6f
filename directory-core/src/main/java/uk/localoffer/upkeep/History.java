package uk.localoffer.upkeep;

import uk.localoffer.store.Ledger;
import uk.localoffer.store.Store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The history of one record: each change, when, by which key (or which import), and the fields it changed, before and after. */
public final class History {
    /** One field's value before and after a change; null where it was blank. */
    public record FieldChange(String field, String before, String after) { }

    /**
     * One change. {@code keyId}, {@code keyName} and {@code authority} say whose key made it; all
     * three are null for an operator's import, named by {@code source}.
     */
    public record Entry(Instant at, String change, String source, String keyId, String keyName, String authority, List<FieldChange> fields) { }

    private History() { }

    /** Every change to the record, oldest first; empty when it never existed. */
    public static <T> List<Entry> of(Store store, Writable<T> kind, String id) {
        List<Entry> out = new ArrayList<>();
        for (Ledger.Change c : store.ledger().history(kind.kind, id)) {
            T before = kind.parse(c.beforeJson()), after = kind.parse(c.afterJson());
            out.add(new Entry(c.at(), c.change(), c.source(), c.keyId(), c.keyName(), c.keyAuthority(), after == null ? List.of() : diff(kind, before, after)));
        }
        return out;
    }

    /** The fields that differ between two versions (all of the new one's, when there was none before). */
    public static <T> List<FieldChange> diff(Writable<T> kind, T before, T after) {
        Map<String, String> a = before == null ? Map.of() : kind.fields(before), b = kind.fields(after);
        Set<String> names = new LinkedHashSet<>(b.keySet());
        names.addAll(a.keySet());
        List<FieldChange> out = new ArrayList<>();
        for (String f : names) {
            String x = blankToNull(a.get(f)), y = blankToNull(b.get(f));
            if (!Objects.equals(x, y)) out.add(new FieldChange(kind.field(f), x, y));
        }
        return out;
    }

    static <T> List<String> changedFields(Writable<T> kind, T before, T after) {
        return before == null ? List.of() : diff(kind, before, after).stream().map(FieldChange::field).toList();
    }

    private static String blankToNull(String s) { return s == null || s.isEmpty() ? null : s; }
}
