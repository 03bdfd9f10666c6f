package uk.localoffer.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.localoffer.geo.Place;
import uk.localoffer.match.MatchResult;
import uk.localoffer.match.Ranking;
import uk.localoffer.server.text.MatchText;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The answer to POST /api/v1/match (openapi.json: MatchResult), and how it is written from the matcher's result. */
public record MatchResponse(Answers.AuthorityRef homeAuthority, Answers.AuthorityRef hostAuthority, Answers.DistrictCouncilRef hostDistrictCouncil,
                            boolean outOfArea, Location location, List<Result> results, int eligibleCount, List<Answers.Entitlement> homeOffer,
                            Answers.Team hostLeavingCareTeam, Answers.Team homeLeavingCareTeam, Answers.CouncilTax councilTax, List<Gap> gaps,
                            Excluded excluded, InEnglishOnly inEnglishOnly) {

    /** When English is not usable: how many services are left out of the results as English only, with no interpreter. */
    public record InEnglishOnly(int count, String text) { }

    public record Location(double lat, double lon, String source, @JsonInclude(JsonInclude.Include.NON_NULL) String postcode, String hostMethod) { }

    /** A reason, warning or exclusion as data: its code, its values by name, and {@code text} in the answer's language. */
    public record Result(Answers.ServiceSummary service, double score, Double distanceKm, Map<String, Double> factors,
                         List<Map<String, Object>> reasons, List<Map<String, Object>> warnings) { }

    public record Gap(String need, String needLabel, List<Answers.ServiceSummary> national, Answers.Team hostLeavingCareTeam) { }

    /** How many services meet a need but are left out; with explain, the nearest of them and why. */
    public record Excluded(int count, @JsonInclude(JsonInclude.Include.NON_NULL) List<ExcludedService> services) { }

    public record ExcludedService(Answers.ServiceSummary service, List<Map<String, Object>> reasons) { }

    static MatchResponse of(MatchResult r, boolean explain, String lang, Formats formats, MatchText text, uk.localoffer.domain.Vocabulary vocabulary) {
        Answers.Team hostTeam = r.host() == null ? null : formats.team(r.host(), lang);
        var tax = r.councilTax();
        // Out of area, the home team is the PA's own: shown apart, never ranked among the services.
        Answers.Team homeTeam = r.outOfArea() ? formats.team(r.home(), lang) : null;
        InEnglishOnly english = r.inEnglishOnly() == 0 ? null
                : new InEnglishOnly(r.inEnglishOnly(), String.format(java.util.Locale.ROOT, MatchText.word(lang, "apart.english_only"), r.inEnglishOnly()));
        return new MatchResponse(formats.authorityRef(r.home(), lang), formats.authorityRef(r.host(), lang),
                Formats.districtCouncil(r.place().districtCouncil(), lang), r.outOfArea(), location(r.place()),
                r.results().stream().map(s -> result(s, lang, formats, text)).toList(), r.eligible(),
                r.homeOffer().stream().map(e -> formats.entitlement(e, lang)).toList(), hostTeam, homeTeam,
                new Answers.CouncilTax(tax.billingCouncil(),
                        tax.whereTheyLive().stream().map(x -> formats.councilTaxRule(x.scheme(), x.applies(), lang)).toList(),
                        tax.fromHome().stream().map(c -> formats.councilTaxScheme(c, lang)).toList()),
                r.gaps().stream().map(g -> new Gap(g.need(), vocabulary.label("need", g.need(), lang),
                        g.national().stream().map(s -> formats.serviceSummary(s, lang)).toList(), hostTeam)).toList(),
                new Excluded(r.excludedCount(), !explain ? null : r.excluded().stream()
                        .map(x -> new ExcludedService(formats.serviceSummary(x.service(), lang), x.reasons().stream().map(e -> text.said(e, lang)).toList())).toList()),
                english);
    }

    private static Location location(Place p) {
        return new Location(Formats.round5(p.point().lat()), Formats.round5(p.point().lon()), p.source(), p.postcode(), p.hostMethod());
    }

    private static Result result(Ranking.Scored s, String lang, Formats formats, MatchText text) {
        Map<String, Double> factors = new TreeMap<>();
        s.factors().forEach((f, v) -> factors.put(f.code(), Formats.round(v)));
        return new Result(formats.serviceSummary(s.service(), lang), Formats.round(s.score()),
                s.distanceKm() == null ? null : Formats.round(s.distanceKm()), factors, s.reasons().stream().map(x -> text.said(x, lang)).toList(),
                s.warnings().stream().map(x -> text.said(x, lang)).toList());
    }
}
