package uk.localoffer.server.api;

import uk.localoffer.directory.Directory;
import uk.localoffer.domain.AccessCost;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.Contact;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Freshness;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Service;
import uk.localoffer.server.text.SourceText;

import java.time.LocalDate;
import java.util.List;

/** Domain records as the answers show them ({@link Answers}): the formatter every resource shares. */
public final class Formats {
    private final Directory directory;

    public Formats(Directory directory) { this.directory = directory; }

    private LocalDate today() { return LocalDate.now(directory.clock()); }

    public static double round(double v) { return Math.round(v * 1000) / 1000.0; }

    public static double round5(double v) { return Math.round(v * 100000) / 100000.0; }

    public static String text(Object value) { return value == null ? null : value.toString(); }

    Answers.AuthorityRef authorityRef(Authority a, String lang) {
        return a == null ? null : new Answers.AuthorityRef(a.code(), a.name(lang));
    }

    /** The district or borough council (council tax, housing) where it is not the children's services authority itself. */
    static Answers.DistrictCouncilRef districtCouncil(DistrictCouncil d, String lang) {
        return d == null ? null : new Answers.DistrictCouncilRef(d.code(), d.name(lang), d.officialName());
    }

    Answers.Source source(Provenance p, Freshness f, String lang) {
        return new Answers.Source(p.sourceUrl(), p.sourceUrl() == null ? null : SourceText.publisher(p.sourceUrl(), directory),
                text(p.pageDate()), text(p.recorded()), text(p.lastVerified()), f.assuredOn() == null || f.stale(Freshness.OLD_MONTHS),
                f.signs(), SourceText.of(p, directory, lang));
    }

    Answers.ServiceSummary serviceSummary(Service s, String lang) {
        return new Answers.ServiceSummary(s.id().toString(), s.name(lang), s.description(lang), s.organisation(), s.authorityCode(),
                s.needs().stream().sorted().toList(), s.careLeaverSpecific(), s.access().threshold(),
                s.delivery().stream().map(Delivery::code).sorted().toList(), s.contact().phone(), s.contact().phones(), s.contact().email(),
                s.contact().website(), s.access().referral(), s.provenance().illustrative(), text(s.provenance().lastVerified()),
                source(s.provenance(), Freshness.of(s, today()), lang),
                s.coveredNations(code -> directory.authority(code).orElse(null)).stream().sorted().map(Nation::label).toList(),
                s.hours().open24x7(), s.hours().outOfHours() || s.hours().open24x7(), languages(s), s.languages().interpreter(),
                s.circumstances().stream().sorted().toList(), accessCost(s.accessCost()));
    }

    /** The languages a service is delivered in, Welsh among them when it is offered. */
    private static List<String> languages(Service s) {
        var l = s.languages();
        java.util.TreeSet<String> codes = new java.util.TreeSet<>(l.languages());
        if (l.welsh() != uk.localoffer.domain.LanguageSupport.WelshProvision.NONE) codes.add("cy");
        return List.copyOf(codes);
    }

    private static Answers.AccessCost accessCost(AccessCost c) {
        return c == null ? null : new Answers.AccessCost(c.payer().code(), c.text());
    }

    /** The published way in to an authority's leaving care team, and its other routes. */
    Answers.Team team(Authority a, String lang) {
        var t = a.leavingCareTeam();
        if (t == null) return new Answers.UnpublishedTeam(authorityRef(a, lang), a.localOfferUrl(), false);
        Contact c = t.contact();
        return new Answers.PublishedTeam(authorityRef(a, lang), a.localOfferUrl(), true, t.isTeamsOwn(), t.route(), t.name(), c.phones(),
                c.email(), c.website(), t.address(), t.hours(), t.note(), source(t.provenance(), Freshness.of(t.provenance(), today()), lang),
                t.outOfHoursPhones());
    }

    Answers.Route route(AuthorityRoute r, String lang) {
        Contact c = r.contact();
        return new Answers.Route(r.kind().code(), r.name(), c.phones(), c.email(), c.website(), r.address(), r.hours(), r.note(),
                source(r.provenance(), Freshness.of(r.provenance(), today()), lang));
    }

    Answers.Entitlement entitlement(Entitlement e, String lang) {
        return new Answers.Entitlement(e.id().toString(), e.area().code(), directory.vocabulary().label("need", e.area().code(), lang),
                e.title(lang), e.detail(), e.statutory() ? "statutory" : "discretionary", e.amount(), e.ages().toString(),
                e.statuses().stream().sorted().toList(), e.conditions(), e.appliesOutOfArea(), e.topic(), e.amountGbp(),
                nationOf(e), e.provenance().illustrative(), e.provenance().note(),
                source(e.provenance(), Freshness.of(e, today()), lang));
    }

    /** The nation an entitlement belongs to: its own for a nation-wide one, else its authority's. */
    private String nationOf(Entitlement e) {
        if (e.nation() != null) return e.nation().label();
        return directory.authority(e.authorityCode()).map(a -> a.nation() == null ? null : a.nation().label()).orElse(null);
    }

    Answers.CouncilTaxScheme councilTaxScheme(uk.localoffer.domain.CouncilTaxScheme c, String lang) {
        return new Answers.CouncilTaxScheme(c.id().toString(), c.billingCouncil(), careLeaversOf(c), c.ages().toString(), c.percent(),
                c.reduction(), c.conditions(), c.howToApply(), source(c.provenance(), Freshness.of(c.provenance(), today()), lang));
    }

    Answers.CouncilTaxRule councilTaxRule(uk.localoffer.domain.CouncilTaxScheme c, Boolean applies, String lang) {
        Answers.CouncilTaxScheme s = councilTaxScheme(c, lang);
        return new Answers.CouncilTaxRule(s.id(), s.billingCouncil(), s.careLeaversOf(), s.ages(), s.percent(), s.reduction(), s.conditions(),
                s.howToApply(), s.source(), applies);
    }

    private static List<String> careLeaversOf(uk.localoffer.domain.CouncilTaxScheme c) {
        return !c.whoStated() ? List.of("not_stated") : c.forAnyCareLeaver() ? List.of("any") : c.careLeaversOf().stream().sorted().toList();
    }
}
