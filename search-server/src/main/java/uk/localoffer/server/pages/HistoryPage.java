package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.upkeep.History;
import uk.localoffer.upkeep.Writable;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Every change to one service, newest first: when, what happened, which council (or which load of
 * published pages) made it, and the facts it changed, before and after.
 */
record HistoryPage(Directory directory, Pages pages) {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** One change as the page shows it; {@code fields} empty when the record was added ({@code count} says how many facts). */
    record Row(String when, String what, String who, String count, List<History.FieldChange> fields) { }

    void show(Context ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            PageRoutes.notFound(ctx);
            return;
        }
        List<History.Entry> entries = new ArrayList<>(History.of(directory.store(), Writable.SERVICE, id.toString()));
        if (entries.isEmpty()) { PageRoutes.notFound(ctx); return; }
        Collections.reverse(entries);
        Words t = pages.words(ctx);
        boolean live = directory.service(id).isPresent();
        String name = directory.service(id).map(s -> s.name(t.lang())).orElse(t.get("history.withdrawn.service"));
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", t.cy() ? Locale.forLanguageTag("cy") : Locale.UK);
        List<Row> rows = entries.stream().map(e -> new Row(when.format(e.at().atZone(UK)), t.get("change." + e.change()), who(e, t),
                t.f("change.all.fields", e.fields().size()), e.change().equals("added") ? List.of()
                : e.fields().stream().map(c -> new History.FieldChange(field(t, c.field()), c.before(), c.after())).toList())).toList();
        ctx.html(Templates.render("history.jte", t, "title", t.f("history.title", name), "id", id, "live", live, "rows", rows, "here", PageRoutes.here(ctx)));
    }

    /** A fact's name in words ("Youngest age" for age_min); its column name when it has none. */
    static String field(Words t, String name) {
        return Messages.has("field." + name) ? t.get("field." + name) : name.replace('_', ' ');
    }

    /** The council whose key made the change, or the load of published pages it came from. */
    private String who(History.Entry e, Words t) {
        if (e.authority() != null)
            return directory.authority(e.authority()).map(a -> a.officialName() != null ? a.officialName() : a.name(t.lang())).orElse(e.authority());
        return t.f("change.import", e.source());
    }
}
