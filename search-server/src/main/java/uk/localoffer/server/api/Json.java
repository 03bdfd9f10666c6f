package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.store.RecordJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writing JSON responses and ORUK pages. */
public final class Json {
    private Json() { }

    public static void send(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(RecordJson.MAPPER.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException("could not write the response", e);
        }
    }

    /** The Open Referral UK paged list wrapper. */
    public static Map<String, Object> page(List<?> contents, long total, int page, int perPage) {
        int totalPages = total == 0 ? 0 : (int) ((total + perPage - 1) / perPage);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total_items", total);
        m.put("total_pages", totalPages);
        m.put("page_number", page);
        m.put("size", contents.size());
        m.put("first_page", page == 1);
        m.put("last_page", page >= totalPages);
        m.put("empty", contents.isEmpty());
        m.put("contents", contents);
        return m;
    }

    /** One page of an in-memory list. */
    public static <T> Map<String, Object> page(List<T> all, int page, int perPage) {
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        return page(all.subList(from, to), all.size(), page, perPage);
    }

    public static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
