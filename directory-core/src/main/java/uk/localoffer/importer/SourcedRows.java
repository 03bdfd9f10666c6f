package uk.localoffer.importer;

import uk.localoffer.domain.AgeRange;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Provenance;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Turns rows of the sourced-offer files that have no template form (docs/sourced-data.md):
 * authority routes and council tax schemes. Every bad value is reported with file, line, field.
 */
final class SourcedRows {
    static final List<String> ROUTE_COLUMNS = List.of("authority", "route", "name", "phone", "email", "address", "postcode", "hours",
            "url", "source_url", "page_date", "recorded", "note");
    static final List<String> COUNCIL_TAX_COLUMNS = List.of("source_id", "billing_council", "care_leavers_of", "age_min", "age_max",
            "percent", "reduction", "conditions", "how_to_apply", "source_url", "page_date", "recorded");

    private final String source;
    private final OfferRows offerRows;
    private final Predicate<String> knownAuthority;
    private final Predicate<String> knownBillingCouncil;

    SourcedRows(String source, OfferRows offerRows, Predicate<String> knownAuthority, Predicate<String> knownBillingCouncil) {
        this.source = source;
        this.offerRows = offerRows;
        this.knownAuthority = knownAuthority;
        this.knownBillingCouncil = knownBillingCouncil;
    }

    AuthorityRoute route(CsvTable.Row row, List<ImportProblem> problems) {
        int before = errors(problems);
        FieldReader f = new FieldReader(row, problems);
        String authority = f.required("authority");
        if (authority != null && !knownAuthority.test(authority)) f.error("authority", "unknown authority GSS code '" + authority + "'");
        AuthorityRoute.Kind kind = null;
        String code = f.required("route");
        if (code != null) {
            try { kind = AuthorityRoute.Kind.parse(code); } catch (IllegalArgumentException e) { f.error("route", e.getMessage()); }
        }
        String name = f.required("name");
        List<String> phones = f.phones("phone");
        String email = f.email("email"), url = f.url("url");
        if (kind == AuthorityRoute.Kind.LOCAL_OFFER && url == null && !f.has("url")) f.error("url", "a local_offer route needs the page's url");
        if (kind != null && kind != AuthorityRoute.Kind.LOCAL_OFFER && phones.isEmpty() && email == null && url == null && errors(problems) == before)
            f.error("phone", "a route needs a phone, email or url");
        Provenance p = offerRows.provenance(f, authority + ":" + code);
        if (errors(problems) > before) return null;
        return new AuthorityRoute(authority, kind, name, phones, email, f.text("address"), f.postcode("postcode"), f.text("hours"), url,
                f.text("note"), p);
    }

    CouncilTaxScheme councilTax(CsvTable.Row row, List<ImportProblem> problems) {
        int before = errors(problems);
        FieldReader f = new FieldReader(row, problems);
        String sourceId = f.required("source_id");
        String billing = f.text("billing_council");
        if (billing != null && !billing.equals(CouncilTaxScheme.WALES) && !knownBillingCouncil.test(billing))
            f.error("billing_council", "unknown council GSS code '" + billing + "' (a district, unitary, metropolitan, London or Welsh council, a county, or Wales)");
        Set<String> of = new LinkedHashSet<>();
        String who = f.required("care_leavers_of");
        boolean stated = !"not_stated".equals(who);
        if (who != null && stated && !who.equals("any")) of.addAll(f.authorities("care_leavers_of", knownAuthority));
        if (!stated && billing == null) f.error("care_leavers_of", "not_stated needs the billing council");
        if (billing == null && of.isEmpty() && who != null && stated)
            f.error("billing_council", "blank means the home authority covers its care leavers outside its area: care_leavers_of must name it");
        Integer min = f.integer("age_min", 0, 120), max = f.integer("age_max", 0, 120);
        if (min != null && max != null && min > max) { f.error("age_max", "age_max " + max + " is below age_min " + min); min = max = null; }
        Integer percent = f.integer("percent", 0, 100);
        String reduction = f.required("reduction");
        Provenance p = offerRows.provenance(f, sourceId);
        if (errors(problems) > before) return null;
        UUID id = UUID.nameUUIDFromBytes(("council-tax:" + source + ":" + sourceId).getBytes(StandardCharsets.UTF_8));
        return new CouncilTaxScheme(id, billing, of, stated, new AgeRange(min, max), percent, reduction, f.text("conditions"),
                f.text("how_to_apply"), p);
    }

    private static int errors(List<ImportProblem> problems) {
        int n = 0;
        for (ImportProblem p : problems) if (p.isError()) n++;
        return n;
    }
}
