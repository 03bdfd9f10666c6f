package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.server.text.MatchText;

/** What every page starts from: the directory and the words in the request's language. */
record Pages(Directory directory, MatchText text) {
    Words words(Context ctx) { return new Words(PageRoutes.lang(ctx), directory, text); }
}
