package uk.localoffer.domain;

/**
 * A local authority district (ONS LAD, May 2024): the council that bills council tax and
 * handles housing applications. In a two-tier county it is a district or borough council
 * under the county (the children's services authority, {@code authorityCode}); everywhere
 * else it is the children's services authority itself.
 */
public record DistrictCouncil(String code, String name, String nameCy, String kind, String authorityCode, String officialName) {

    /** True for a district or borough council under a county council. */
    public boolean underCounty() { return !code.equals(authorityCode); }

    public String name(String lang) {
        return "cy".equals(lang) && nameCy != null && !nameCy.isBlank() ? nameCy : name;
    }
}
