package uk.localoffer.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem: what went wrong with the request, naming the field at fault. Written as application/problem+json. */
public record Problem(String type, String title, int status, String detail, @JsonInclude(JsonInclude.Include.NON_NULL) String field,
                      String instance) {
    public Problem(int status, String title, String field, String detail, String instance) {
        this("about:blank", title, status, detail, field, instance);
    }
}
