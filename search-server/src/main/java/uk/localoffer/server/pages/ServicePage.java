package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Service;
import uk.localoffer.server.text.SourceText;

import java.util.Optional;
import java.util.UUID;

/** One service: what it offers, who can use it, how to get in, where, and where the facts come from. */
record ServicePage(Directory directory, Pages pages) {

    void show(Context ctx) {
        Optional<Service> found = service(directory, ctx.pathParam("id"));
        if (found.isEmpty()) { PageRoutes.notFound(ctx); return; }
        Words t = pages.words(ctx);
        Service s = found.get();
        ctx.html(Templates.render("service.jte", t, "s", s, "checked", checked(s.provenance(), directory, t.lang()), "here", PageRoutes.here(ctx)));
    }

    static Optional<Service> service(Directory directory, String id) {
        try {
            return directory.service(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "Last checked by Liverpool City Council on 3 December 2026"; "Last checked on …" when who checked is not known; or never. */
    static String checked(Provenance p, Directory directory, String lang) {
        if (p.lastVerified() == null) return Messages.get(lang, "checked.never");
        String day = SourceText.date(p.lastVerified(), lang);
        if (p.verifiedBy() == null) return String.format(Messages.get(lang, "checked.on"), day);
        String who = directory.authority(p.verifiedBy()).map(a -> a.officialName() != null ? a.officialName() : a.name(lang)).orElse(p.verifiedBy());
        return String.format(Messages.get(lang, "checked.by"), who, day);
    }
}
