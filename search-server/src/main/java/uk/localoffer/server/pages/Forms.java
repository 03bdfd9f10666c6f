package uk.localoffer.server.pages;

import uk.localoffer.directory.Directory;
import uk.localoffer.domain.OfferArea;
import uk.localoffer.domain.Vocabulary;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static uk.localoffer.server.pages.Html.esc;

/** The form widgets of the pages (GOV.UK Frontend markup) and the find-support form they make up. */
record Forms(Directory directory) {


    String findForm(String lang, FindForm f, String action, boolean pa) {
        StringBuilder b = new StringBuilder("<form method=\"get\" action=\"" + action + "\" novalidate>\n");
        if (pa) b.append(select(lang, "home", Messages.get(lang, "pa.home"), f.home(), f.errors().get("home"), authorityOptions(lang, f.home(), false)));
        b.append(input("postcode", Messages.get(lang, pa ? "pa.where" : "postcode"), Messages.get(lang, "postcode.hint"), f.postcode(), f.errors().get("postcode"), "govuk-input--width-10", "postal-code"));
        b.append(input("age", Messages.get(lang, "age"), null, f.age(), f.errors().get("age"), "govuk-input--width-3", "off"));
        StringBuilder needs = new StringBuilder("<option value=\"\">" + esc(Messages.get(lang, "any")) + "</option>");
        for (OfferArea area : OfferArea.values()) {
            needs.append("<optgroup label=\"").append(esc(directory.vocabulary().label("need", area.code(), lang))).append("\">");
            for (String code : directory.vocabulary().needAndChildren(area.code()))
                needs.append(option(code, directory.vocabulary().label("need", code, lang), code.equals(f.need())));
            needs.append("</optgroup>");
        }
        b.append(select(lang, "need", Messages.get(lang, "need"), f.need(), null, needs.toString()));
        StringBuilder langs = new StringBuilder(option("", Messages.get(lang, "language.english"), f.language() == null));
        for (String code : List.of("cy", "ar", "ps", "fa", "ti", "ku", "ur", "so", "pl"))
            langs.append(option(code, Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK) + ("cy".equals(code) ? " / Cymraeg" : ""), code.equals(f.language())));
        b.append(select(lang, "language", Messages.get(lang, "language"), f.language(), null, langs.toString()));
        b.append("<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\" aria-describedby=\"delivery-hint\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">")
                .append(esc(Messages.get(lang, "delivery"))).append("</legend><div id=\"delivery-hint\" class=\"govuk-hint\">").append(esc(Messages.get(lang, "delivery.hint")))
                .append("</div><div class=\"govuk-checkboxes govuk-checkboxes--small\">");
        for (Vocabulary.Term t : directory.vocabulary().terms("delivery")) {
            String id = "delivery-" + t.code();
            b.append("<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"").append(id).append("\" name=\"delivery\" type=\"checkbox\" value=\"")
                    .append(t.code()).append("\"").append(f.delivery().contains(t.code()) ? " checked" : "").append("><label class=\"govuk-label govuk-checkboxes__label\" for=\"")
                    .append(id).append("\">").append(esc(t.label(lang))).append("</label></div>");
        }
        b.append("</div></fieldset></div>\n");
        if (!pa) b.append(select(lang, "home", Messages.get(lang, "home"), f.home(), null, authorityOptions(lang, f.home(), true)));
        b.append("<button type=\"submit\" class=\"govuk-button\">").append(esc(Messages.get(lang, "search"))).append("</button>\n</form>\n");
        return b.toString();
    }

    String authorityOptions(String lang, String selected, boolean allowNone) {
        StringBuilder o = new StringBuilder(option("", allowNone ? Messages.get(lang, "home.none") : "", selected == null));
        directory.authorities().values().stream().sorted(Comparator.comparing(a -> a.name(lang)))
                .forEach(a -> o.append(option(a.code(), a.name(lang), a.code().equals(selected))));
        return o.toString();
    }

    static String option(String value, String label, boolean selected) {
        return "<option value=\"" + esc(value) + "\"" + (selected ? " selected" : "") + ">" + esc(label) + "</option>";
    }

    static String input(String name, String label, String hint, String value, String error, String width, String autocomplete) {
        String describedBy = (hint == null ? "" : name + "-hint ") + (error == null ? "" : name + "-error");
        return "<div class=\"govuk-form-group" + (error == null ? "" : " govuk-form-group--error") + "\">"
                + "<label class=\"govuk-label govuk-label--s\" for=\"" + name + "\">" + esc(label) + "</label>"
                + (hint == null ? "" : "<div id=\"" + name + "-hint\" class=\"govuk-hint\">" + esc(hint) + "</div>")
                + (error == null ? "" : "<p id=\"" + name + "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> " + esc(error) + "</p>")
                + "<input class=\"govuk-input " + width + (error == null ? "" : " govuk-input--error") + "\" id=\"" + name + "\" name=\"" + name + "\" type=\"text\""
                + (describedBy.isBlank() ? "" : " aria-describedby=\"" + describedBy.trim() + "\"") + " autocomplete=\"" + autocomplete + "\" value=\"" + esc(value) + "\"></div>\n";
    }

    static String select(String lang, String name, String label, String value, String error, String options) {
        return "<div class=\"govuk-form-group" + (error == null ? "" : " govuk-form-group--error") + "\"><label class=\"govuk-label govuk-label--s\" for=\"" + name + "\">" + esc(label) + "</label>"
                + (error == null ? "" : "<p id=\"" + name + "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> " + esc(error) + "</p>")
                + "<select class=\"govuk-select" + (error == null ? "" : " govuk-select--error") + "\" id=\"" + name + "\" name=\"" + name + "\""
                + (error == null ? "" : " aria-describedby=\"" + name + "-error\"") + ">" + options + "</select></div>\n";
    }

}
