package uk.localoffer.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem: what went wrong with the request, naming the field at fault. Written as
 * application/problem+json. {@code errors} (an extension member) lists every problem of a body
 * or file when there is more than one place to mend.
 */
public record Problem(String type, String title, int status, String detail, @JsonInclude(JsonInclude.Include.NON_NULL) String field,
                      String instance, @JsonInclude(JsonInclude.Include.NON_NULL) List<Error> errors) {
    /** One problem of a body or file: the field, where it is (a JSON path, or a line of a CSV file) and what is wrong. */
    public record Error(String field, String where, String detail) { }

    public Problem(int status, String title, String field, String detail, String instance) {
        this("about:blank", title, status, detail, field, instance, null);
    }
}
