package uk.localoffer.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The bodies of this directory's own answers (the matcher, authorities, postcodes), as records
 * written by Jackson: snake_case, keys in alphabetical order, null written as null unless marked.
 * docs: openapi.json, components/schemas.
 */
public final class Answers {
    private Answers() { }

    public record Health(String status, int services, int authorities) { }

    public record ApiDetails(String version, String profile, String openapiUrl) { }

    /** The Open Referral UK paged list wrapper. */
    public record Page<T>(long totalItems, int totalPages, int pageNumber, int size, boolean firstPage, boolean lastPage, boolean empty,
                          List<T> contents) { }

    public record AuthorityRef(String code, String name) { }

    public record DistrictCouncilRef(String code, String name, String officialName) { }

    /** Where a fact comes from: "From Surrey County Council's page, updated April 2024". */
    public record Source(String url, String publisher, String pageDate, String recorded, String lastVerified, boolean stale,
                         List<String> staleSigns, String text) { }

    /**
     * A service as answers show it: what it meets ({@code needs}), where ({@code nations}: which of England and Wales it
     * covers, empty when not recorded), when ({@code open_24_7}, {@code out_of_hours}), in which languages (codes, Welsh
     * included when it is offered) and with interpreters, the groups it is meant for ({@code for_circumstances}), its
     * authority and contact, and {@code access_cost} when the young person or the authority must pay.
     */
    public record ServiceSummary(String id, String name, String description, String organisation, String authority, List<String> needs,
                                 boolean careLeaverSpecific, String threshold, List<String> delivery, String phone, List<String> phones,
                                 String email, String website, String referral, boolean illustrative, String lastVerified, Source source,
                                 List<String> nations, @JsonProperty("open_24_7") boolean open247, boolean outOfHours, List<String> languages,
                                 boolean interpreter, List<String> forCircumstances, AccessCost accessCost) { }

    /** Who must pay to use a service ({@code young_person} or {@code authority}), and what the source says it costs. */
    public record AccessCost(String payer, String text) { }

    /** A published route into an authority's offer. */
    public record Route(String route, String name, List<String> phones, String email, String url, String address, String hours,
                        String note, Source source) { }

    /** The way in to an authority's leaving care team: {@link PublishedTeam}, or only the authority and its offer page. */
    public sealed interface Team permits PublishedTeam, UnpublishedTeam { }

    public record UnpublishedTeam(AuthorityRef authority, String localOfferUrl, boolean published) implements Team { }

    public record PublishedTeam(AuthorityRef authority, String localOfferUrl, boolean published, boolean teamsOwn, String route, String name,
                                List<String> phones, String email, String url, String address, String hours, String note, Source source,
                                List<String> outOfHoursPhones) implements Team { }

    public record Entitlement(String id, String area, String areaLabel, String title, String detail, String kind, String amount, String ages,
                              List<String> statuses, String conditions, boolean appliesOutOfArea, String topic, Integer amountGbp,
                              String nation, boolean illustrative, String sourceNote, Source source) { }

    public record CouncilTaxScheme(String id, String billingCouncil, List<String> careLeaversOf, String ages, Integer percent, String reduction,
                                   String conditions, String howToApply, Source source) { }

    /** A scheme where they live, and whether they qualify (null: the page does not say; ask the council). */
    public record CouncilTaxRule(String id, String billingCouncil, List<String> careLeaversOf, String ages, Integer percent, String reduction,
                                 String conditions, String howToApply, Source source, Boolean applies) { }

    public record CouncilTax(String billingCouncil, List<CouncilTaxRule> whereTheyLive, List<CouncilTaxScheme> fromHomeAuthority) { }

    public record AuthoritySummary(String code, String name, String nation, String region, String kind, double lat, double lon) { }

    public record Authorities(int count, List<AuthoritySummary> authorities) { }

    public record Centroid(double lat, double lon) { }

    public record ReviewRow(String publishedName, String reviewDate, Map<String, Boolean> flags, Map<String, String> rawValues,
                            @com.fasterxml.jackson.annotation.JsonProperty("cla_per_10000_2021") String claPer10000, String ofstedRating,
                            String linkNote) { }

    public record AuthorityDetail(String code, String name, String nameCy, String nation, String region, String kind, String officialName,
                                  Centroid centroid, boolean hasBoundary, String localOfferUrl, Team leavingCareTeam, List<Route> routes,
                                  List<CouncilTaxScheme> councilTax, Map<String, List<Entitlement>> entitlements,
                                  @com.fasterxml.jackson.annotation.JsonProperty("review_2022") List<ReviewRow> review2022,
                                  int serviceCount, Map<String, Integer> serviceCountsByNeed) { }

    public record Comparison(List<AuthorityDetail> authorities) { }

    public record PostcodeAnswer(String postcode, String outcode, double lat, double lon, String precision, String nation,
                                 boolean inEnglandOrWales, AuthorityRef authority, String authorityMethod, DistrictCouncilRef districtCouncil,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String note) { }
}
