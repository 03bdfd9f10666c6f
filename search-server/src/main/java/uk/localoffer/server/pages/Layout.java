package uk.localoffer.server.pages;

import static uk.localoffer.server.pages.Html.esc;

/**
 * The frame every page shares: GOV.UK Frontend styles and scripts served by this app, a skip
 * link, the header with the site's navigation and the language switch, one {@code main}, and
 * the footer with the data attributions. This is not a GOV.UK service, so it uses neither the
 * crown nor the GOV.UK typeface.
 */
final class Layout {
    static final String FRONTEND_VERSION = "5.11.0";
    static final String FRONTEND = "/webjars/govuk-frontend/" + FRONTEND_VERSION + "/dist/govuk";

    /** Which navigation item a page belongs to, so it can be marked as the current one. */
    enum Section { FIND, AUTHORITIES, COMPARE, OUT_OF_AREA, NONE }

    private Layout() { }

    /**
     * @param title   the page's own title (the browser tab adds the service name)
     * @param path    this page's path and query, for the language switch to return to
     * @param hasError whether the page shows an error summary ("Error: " starts the title)
     */
    static String page(String lang, String title, String path, Section section, boolean hasError, String mainHtml) {
        String other = "cy".equals(lang) ? "en" : "cy";
        String fullTitle = (hasError ? Messages.get(lang, "error.prefix") + " " : "") + title + " – " + Messages.get(lang, "service.name");
        return """
                <!DOCTYPE html>
                <html lang="%s" class="govuk-template">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
                <meta name="referrer" content="no-referrer">
                <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="%s/govuk-frontend.min.css">
                <link rel="stylesheet" href="/static/app.css">
                <link rel="stylesheet" href="/static/print.css" media="print">
                </head>
                <body class="govuk-template__body">
                <script type="module" src="/static/app.js"></script>
                <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">%s</a>
                <header class="app-header">
                %s
                <div class="govuk-width-container">
                <div class="govuk-phase-banner app-no-print"><p class="govuk-phase-banner__content"><strong class="govuk-tag govuk-phase-banner__content__tag">%s</strong>
                <span class="govuk-phase-banner__text">%s</span></p></div>
                </div>
                </header>
                <div class="govuk-width-container">
                <main class="govuk-main-wrapper" id="main-content">
                %s
                </main>
                </div>
                %s
                </body>
                </html>
                """.formatted(lang, esc(fullTitle), FRONTEND, esc(Messages.get(lang, "skip")),
                navigation(lang, path, section, other),
                esc(Messages.get(lang, "beta.tag")), esc(Messages.get(lang, "beta.text")), mainHtml, footer(lang));
    }

    /** GOV.UK service navigation: the service name, the sections and the language switch. */
    private static String navigation(String lang, String path, Section section, String other) {
        StringBuilder items = new StringBuilder();
        item(items, lang, "/", "nav.find", section == Section.FIND);
        item(items, lang, "/authorities", "nav.authorities", section == Section.AUTHORITIES);
        item(items, lang, "/compare", "nav.compare", section == Section.COMPARE);
        item(items, lang, "/out-of-area", "nav.pa", section == Section.OUT_OF_AREA);
        String switchHref = "/language?to=" + other + "&back=" + Html.url(path);
        return """
                <section aria-label="%s" class="govuk-service-navigation" data-module="govuk-service-navigation">
                <div class="govuk-width-container">
                <div class="govuk-service-navigation__container">
                <span class="govuk-service-navigation__service-name"><a href="/" class="govuk-service-navigation__link">%s</a></span>
                <nav aria-label="%s" class="govuk-service-navigation__wrapper">
                <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden>%s</button>
                <ul class="govuk-service-navigation__list" id="navigation">
                %s</ul>
                </nav>
                <p class="app-language-switch"><a class="govuk-link" href="%s" lang="%s" hreflang="%s"><span class="govuk-visually-hidden">%s </span>%s</a></p>
                </div>
                </div>
                </section>
                """.formatted(esc(Messages.get(lang, "nav.service")), esc(Messages.get(lang, "service.name")), esc(Messages.get(lang, "nav.label")),
                esc(Messages.get(lang, "nav.menu")), items, esc(switchHref), other, other,
                esc(Messages.get(other, "switch.hidden")), esc(Messages.get(other, "switch.name")));
    }

    private static void item(StringBuilder b, String lang, String href, String key, boolean current) {
        b.append("<li class=\"govuk-service-navigation__item").append(current ? " govuk-service-navigation__item--active" : "").append("\">")
                .append("<a class=\"govuk-service-navigation__link\" href=\"").append(href).append("\"").append(current ? " aria-current=\"true\"" : "").append(">")
                .append(current ? "<strong class=\"govuk-service-navigation__active-fallback\">" + esc(Messages.get(lang, key)) + "</strong>" : esc(Messages.get(lang, key)))
                .append("</a></li>\n");
    }

    /**
     * The footer: privacy, what illustrative records are, and the attribution statements the
     * data's licences ask for. The statements stay in their published English on Welsh pages.
     */
    private static String footer(String lang) {
        String attributions = """
                <p class="govuk-footer__meta-custom"%s>Contains public sector information licensed under the Open Government Licence v3.0.
                Authority boundaries and centres: Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024.</p>
                <p class="govuk-footer__meta-custom"%s>Postcode districts: Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025. Source: Office for National Statistics licensed under the Open Government Licence v.3.0.</p>
                <p class="govuk-footer__meta-custom"%s>Council names: UK Local Authority Names and Codes, mySociety, CC BY 4.0.</p>
                """.formatted("cy".equals(lang) ? " lang=\"en\"" : "", "cy".equals(lang) ? " lang=\"en\"" : "", "cy".equals(lang) ? " lang=\"en\"" : "");
        return """
                <footer class="govuk-footer">
                <div class="govuk-width-container">
                <div class="govuk-footer__meta">
                <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <h2 class="govuk-visually-hidden">%s</h2>
                <p class="govuk-footer__meta-custom"><strong>%s</strong></p>
                <p class="govuk-footer__meta-custom">%s</p>
                <p class="govuk-footer__meta-custom">%s</p>
                %s%s
                <p class="govuk-footer__meta-custom"><a class="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license noreferrer">%s</a></p>
                </div>
                </div>
                </div>
                </footer>
                """.formatted(esc(Messages.get(lang, "footer.heading")), esc(Messages.get(lang, "footer.illustrative")),
                esc(Messages.get(lang, "footer.privacy")), esc(Messages.get(lang, "footer.review")),
                "cy".equals(lang) ? "<p class=\"govuk-footer__meta-custom\">" + esc(Messages.get(lang, "footer.attributions.english")) + "</p>\n" : "",
                attributions, esc(Messages.get(lang, "footer.ogl")));
    }
}
