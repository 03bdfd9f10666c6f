package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.ReviewRow;

import java.util.ArrayList;
import java.util.List;

/**
 * Up to four councils side by side on the sourced facts (council tax, setting up home, bursary,
 * leisure, Staying Put or When I am Ready, the team, the local offer page), each with its source
 * and page date; stacked cards on a narrow screen; and the map shaded by a chosen fact, with its
 * legend and the same facts as a list.
 */
record ComparePage(Directory directory, Pages pages) {
    static final int MAX = 4;
    /** The entitlement topics compared, in order; each is a row "compare.<topic>". */
    static final List<List<String>> TOPICS = List.of(List.of("setting_up_home"), List.of("higher_education_bursary"), List.of("leisure_pass"),
            List.of("staying_put", "when_i_am_ready"));

    /** One fact of a council: its words and where they come from (null for a fact the page itself gives). */
    record Fact(String text, Provenance source) { }

    /** One row of a council's card: its key and its facts (empty: nothing found in its published pages). */
    record Row(String key, List<Fact> facts) { }

    record Card(Authority authority, List<Row> rows, List<String> review, boolean reviewed) { }

    void show(Context ctx) {
        Words t = pages.words(ctx);
        List<Authority> chosen = new ArrayList<>();
        for (String code : ctx.queryParams("gss"))
            directory.authority(code).ifPresent(a -> { if (!chosen.contains(a) && chosen.size() < MAX) chosen.add(a); });
        CouncilMap.Fact fact = CouncilMap.Fact.parse(ctx.queryParam("shade"));
        List<Card> cards = chosen.stream().map(a -> card(a, t)).toList();
        List<CouncilMap.Shaded> shaded = CouncilMap.shade(directory, fact, t.lang());
        ctx.html(Templates.render("compare.jte", t, "chosen", chosen, "cards", cards, "fact", fact, "shaded", shaded,
                "legend", CouncilMap.legend(shaded, fact, t), "here", PageRoutes.here(ctx)));
    }

    private Card card(Authority a, Words t) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(t.get("compare.council_tax"), directory.councilTaxOf(a).stream().filter(c -> !c.provenance().illustrative()).map(c -> new Fact(AuthorityPages.billedBy(t, c) + ": " + c.reduction()
                + (c.ages().isAny() ? "" : " (" + t.f("ages.of", t.ages(c.ages())) + ")"), c.provenance())).toList()));
        List<Entitlement> offer = directory.entitlements(a.code());
        for (List<String> topics : TOPICS)
            rows.add(new Row(t.get("compare." + topics.get(0)), offer.stream().filter(e -> topics.contains(e.topic()) && !e.provenance().illustrative())
                    .map(e -> new Fact(e.title(t.lang()) + (e.amount() == null ? "" : ": " + e.amount())
                            + (e.ages().isAny() ? "" : " (" + t.f("ages.of", t.ages(e.ages())) + ")"), e.provenance())).toList()));
        var team = a.leavingCareTeam();
        rows.add(new Row(t.get("compare.team"), team == null ? List.of()
                : List.of(new Fact(team.name() + contact(team.contact(), t), team.provenance()))));
        List<ReviewRow> review = directory.reviewRows(a.code());
        List<String> listed = ReviewRow.FLAGS.stream().filter(f -> review.stream().anyMatch(r -> r.says(f))).map(f -> t.get("review." + f)).toList();
        return new Card(a, rows, listed, !review.isEmpty());
    }

    private static String contact(uk.localoffer.domain.Contact c, Words t) {
        List<String> parts = new ArrayList<>(c.phones());
        if (c.email() != null) parts.add(c.email());
        return parts.isEmpty() ? "" : ": " + String.join(" " + t.get("or") + " ", parts);
    }
}
