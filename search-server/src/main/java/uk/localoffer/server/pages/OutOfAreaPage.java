package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.OfferArea;
import uk.localoffer.geo.Locator;
import uk.localoffer.match.MatchResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The PA's view of someone placed out of area, in the PA's voice: where they live, that area's team
 * and services, what the home offer still gives, and what was left out and why. {@code change=1}
 * shows the form filled in again.
 */
record OutOfAreaPage(Directory directory, Pages pages) {
    /** Left out services explained with their reasons (the nearest first). */
    static final int EXPLAINED = 10;

    void show(Context ctx) {
        Words t = pages.words(ctx);
        boolean sent = FindForm.sent(ctx);
        FindForm f = sent ? FindForm.read(ctx, t.lang(), true, directory) : FindForm.EMPTY;
        if (!sent || "1".equals(ctx.queryParam("change"))) {
            ctx.html(Templates.render("outOfAreaForm.jte", t, "f", f.withoutErrors(), "here", PageRoutes.here(ctx)));
            return;
        }
        if (!f.errors().isEmpty()) {
            ctx.status(400).html(Templates.render("outOfAreaForm.jte", t, "f", f, "here", PageRoutes.here(ctx)));
            return;
        }
        MatchResult r;
        try {
            r = directory.matcher().match(f.profile(), 10, true);
        } catch (Locator.UnknownPlaceException e) {
            PageRoutes.notFound(ctx);
            return;
        }
        ctx.html(Templates.render("outOfArea.jte", t, "f", f, "r", r, "areas", areasByNeeds(f.needs()), "here", PageRoutes.here(ctx)));
    }

    /** The six local-offer areas, those of the needs asked for first (in the order asked). */
    private List<OfferArea> areasByNeeds(List<String> needs) {
        Set<OfferArea> out = new LinkedHashSet<>();
        for (String need : needs) {
            String area = directory.vocabulary().areaOf(need);
            for (OfferArea a : OfferArea.values()) if (a.code().equals(area)) out.add(a);
        }
        out.addAll(List.of(OfferArea.values()));
        return new ArrayList<>(out);
    }
}
