package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Service;
import uk.localoffer.match.MatchResult;
import uk.localoffer.match.Ranking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The handover shortlist ({@code /shortlist?service=ID&service=ID…}): the services a PA ticked on the
 * results, each with its contacts, how to get in, wait, cost, languages, why it fits and its source,
 * for print. The search it came from rides along in the address (for "why it fits"); nothing about
 * the young person is stored.
 */
record ShortlistPage(Directory directory, Pages pages) {
    /** At most this many services on one shortlist. */
    static final int MAX = 20;
    /** How far down the ranked list "why it fits" is looked for. */
    static final int MATCH_LIMIT = 100;

    record Item(Service service, List<String> why, List<String> watch) { }

    void show(Context ctx) {
        Words t = pages.words(ctx);
        Set<Service> chosen = new LinkedHashSet<>();
        for (String id : ctx.queryParams("service")) {
            if (chosen.size() >= MAX) break;
            ServicePage.service(directory, id).ifPresent(chosen::add);
        }
        FindForm f = FindForm.sent(ctx) ? FindForm.read(ctx, t.lang(), false, directory) : null;
        Map<UUID, Ranking.Scored> scored = Map.of();
        if (f != null && f.errors().isEmpty() && !chosen.isEmpty()) {
            MatchResult r = directory.matcher().match(f.profile(), MATCH_LIMIT, false);
            scored = r.results().stream().collect(Collectors.toMap(s -> s.service().id(), Function.identity(), (a, b) -> a));
        }
        List<Item> items = new ArrayList<>();
        for (Service s : chosen) {
            Ranking.Scored sc = scored.get(s.id());
            items.add(new Item(s, sc == null ? List.of() : t.reasons(sc), sc == null ? List.of() : t.warnings(sc)));
        }
        boolean search = f != null && f.errors().isEmpty();
        String back = !search ? "/" : ("pa".equals(ctx.queryParam("from")) ? "/out-of-area?" : "/search?") + f.query();
        ctx.html(Templates.render("shortlist.jte", t, "items", items, "printed", t.date(LocalDate.now(directory.clock())), "back", back,
                "summary", search ? f.summary(t) : null, "here", PageRoutes.here(ctx)));
    }

    /** How to get in, in the provider's words; when it gives none, the threshold says it, else that it is not published. */
    static String howToGetIn(Words t, Service s) {
        if (s.access().referral() != null) return s.access().referral();
        return t.threshold(s.access()) == null ? t.get("getin.unknown") : null;
    }
}
