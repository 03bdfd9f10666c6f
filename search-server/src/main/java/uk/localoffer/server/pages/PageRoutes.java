package uk.localoffer.server.pages;

import io.javalin.config.JavalinConfig;
import uk.localoffer.search.Directory;

/** The public pages (server-rendered HTML with GOV.UK Frontend). */
public final class PageRoutes {
    private final Directory directory;

    public PageRoutes(Directory directory) { this.directory = directory; }

    public void register(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.html("<!DOCTYPE html><html lang=\"en\"><head><title>Find support for care leavers</title></head>"
                + "<body><main><h1>Find support for care leavers</h1><p>" + directory.services().size() + " services.</p></main></body></html>"));
    }
}
