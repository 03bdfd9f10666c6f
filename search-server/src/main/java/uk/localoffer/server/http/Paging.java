package uk.localoffer.server.http;

import java.util.Set;

/** Which page of a list is asked for, one page being {@code perPage} items. */
public record Paging(int page, int perPage) {
    public static final int MAX_PER_PAGE = 100, DEFAULT_PER_PAGE = 50;
    /** The parameters every paged list takes. */
    public static final Set<String> PARAMETERS = Set.of("page", "per_page", "format");

    /** How many pages {@code total} items fill; none when there are none. */
    public static int pageCount(long total, int perPage) {
        return total == 0 ? 0 : (int) ((total + perPage - 1) / perPage);
    }

    /** ?page, ?per_page and ?format (json, the only one). */
    public static Paging of(Params p) {
        String format = p.text("format");
        if (format != null && !format.equals("json")) throw BadRequestException.parameter("format", "format must be json, got '" + format + "'");
        Integer page = p.integer("page", 1, 1_000_000);
        Integer per = p.integer("per_page", 1, MAX_PER_PAGE);
        return new Paging(page == null ? 1 : page, per == null ? DEFAULT_PER_PAGE : per);
    }

    /** The index of this page's first item. */
    public int from() { return (page - 1) * perPage; }
}
