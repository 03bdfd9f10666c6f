package uk.localoffer.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem: what went wrong with the request, naming the field at fault. Thrown
 * by handlers and written as application/problem+json.
 */
public final class Problem extends RuntimeException {
    public final int status;
    public final String title;
    public final String field;

    public Problem(int status, String title, String field, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static Problem badParameter(String field, String detail) {
        return new Problem(400, "Invalid parameter", field, detail);
    }

    public static Problem badBody(String field, String detail) {
        return new Problem(400, "Invalid request body", field, detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not found", null, detail);
    }

    public Map<String, Object> body(String instance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "about:blank");
        m.put("title", title);
        m.put("status", status);
        m.put("detail", getMessage());
        if (field != null) m.put("field", field);
        m.put("instance", instance);
        return m;
    }
}
