package uk.localoffer.server.pages;

import static uk.localoffer.server.pages.Html.esc;

/** The frame every page shares: GOV.UK Frontend styles served by this app, header, language switch, footer. */
final class Layout {
    static final String FRONTEND = "/webjars/govuk-frontend/" + PageRoutes.FRONTEND_VERSION + "/dist/govuk";

    private Layout() { }

    /**
     * @param path  this page's path and query, for the language switch to return to
     */
    static String page(String lang, String title, String path, String body) {
        String other = "cy".equals(lang) ? "en" : "cy";
        return """
                <!DOCTYPE html>
                <html lang="%s" class="govuk-template">
                <head>
                <meta charset="utf-8">
                <title>%s – %s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="%s/govuk-frontend.min.css">
                <link rel="stylesheet" href="/static/app.css">
                <link rel="stylesheet" href="/static/print.css" media="print">
                </head>
                <body class="govuk-template__body">
                <a href="#main-content" class="govuk-skip-link">%s</a>
                <header class="app-header" role="banner">
                  <div class="govuk-width-container app-header__inner">
                    <a href="/" class="app-header__name">%s</a>
                    <nav aria-label="%s" class="app-header__nav">
                      <a class="govuk-link app-header__link" href="/authorities">%s</a>
                      <a class="govuk-link app-header__link" href="/out-of-area">%s</a>
                      <a class="govuk-link app-header__link" href="/language?to=%s&amp;back=%s" lang="%s" hreflang="%s">%s</a>
                    </nav>
                  </div>
                </header>
                <div class="govuk-width-container">
                  <div class="govuk-phase-banner"><p class="govuk-phase-banner__content"><strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
                  <span class="govuk-phase-banner__text">%s</span></p></div>
                  <main class="govuk-main-wrapper" id="main-content" role="main">
                %s
                  </main>
                </div>
                <footer class="govuk-footer" role="contentinfo">
                  <div class="govuk-width-container">
                    <p class="govuk-body-s">%s</p>
                    <p class="govuk-body-s">%s</p>
                  </div>
                </footer>
                </body>
                </html>
                """.formatted(lang, esc(title), esc(Messages.get(lang, "service")), FRONTEND,
                esc(Messages.get(lang, "skip")), esc(Messages.get(lang, "service")), "cy".equals(lang) ? "Dewislen" : "Menu",
                esc(Messages.get(lang, "authorities")), esc(Messages.get(lang, "pa")),
                other, esc(Html.url(path)), other, other, esc(Messages.get(lang, "switch")),
                esc(Messages.get(lang, "beta")), body, esc(Messages.get(lang, "footer.privacy")), esc(Messages.get(lang, "footer.data")));
    }

    /** The GOV.UK error summary: a heading and a link to each field at fault. */
    static String errorSummary(String lang, java.util.Map<String, String> errors) {
        if (errors.isEmpty()) return "";
        StringBuilder b = new StringBuilder("""
                <div class="govuk-error-summary" data-module="govuk-error-summary" role="alert" tabindex="-1">
                  <h2 class="govuk-error-summary__title">%s</h2>
                  <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">
                """.formatted(esc(Messages.get(lang, "error.title"))));
        errors.forEach((field, message) -> b.append("<li><a href=\"#").append(esc(field)).append("\">").append(esc(message)).append("</a></li>\n"));
        return b.append("</ul></div></div>\n").toString();
    }
}
