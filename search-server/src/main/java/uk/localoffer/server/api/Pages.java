package uk.localoffer.server.api;

import uk.localoffer.server.http.Paging;

import java.util.List;

/** Open Referral UK paged lists ({@link Answers.Page}). */
public final class Pages {
    private Pages() { }

    /** A page whose items were found by a search that also counted them all. */
    public static <T> Answers.Page<T> of(List<T> contents, long total, Paging paging) {
        int totalPages = Paging.pageCount(total, paging.perPage());
        return new Answers.Page<>(total, totalPages, paging.page(), contents.size(), paging.page() == 1, paging.page() >= totalPages,
                contents.isEmpty(), contents);
    }

    /** One page of an in-memory list. */
    static <T> Answers.Page<T> slice(List<T> all, Paging paging) {
        int from = Math.min(all.size(), paging.from());
        int to = Math.min(all.size(), from + paging.perPage());
        return of(all.subList(from, to), all.size(), paging);
    }
}
