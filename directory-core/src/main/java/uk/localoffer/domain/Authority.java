package uk.localoffer.domain;

/**
 * A children's services authority: English upper-tier council or Welsh unitary authority.
 * The boundary, when loaded, lives in {@link uk.localoffer.geo.Boundaries}, not here.
 */
public record Authority(String code, String name, String nameCy, Nation nation, String region, String kind,
                        GeoPoint centroid, Double areaKm2, String officialName, String localOfferUrl,
                        LeavingCareTeam leavingCareTeam) {

    /** The name as people say it: "Bristol" for ONS's "Bristol, City of". */
    public String commonName() { return commonName(name); }

    public static String commonName(String onsName) {
        boolean inverted = onsName.endsWith(", City of") || onsName.endsWith(", County of");
        return inverted ? onsName.substring(0, onsName.indexOf(", ")) : onsName;
    }

    /** This authority with its published local offer page and way in to its leaving care team. */
    public Authority withRoutes(java.util.List<AuthorityRoute> routes) {
        String offer = null;
        for (AuthorityRoute r : routes) if (r.kind() == AuthorityRoute.Kind.LOCAL_OFFER && r.url() != null) { offer = r.url(); break; }
        return new Authority(code, name, nameCy, nation, region, kind, centroid, areaKm2, officialName, offer, LeavingCareTeam.from(routes));
    }

    public String name(String lang) {
        return "cy".equals(lang) && nameCy != null && !nameCy.isBlank() ? nameCy : name;
    }
}
