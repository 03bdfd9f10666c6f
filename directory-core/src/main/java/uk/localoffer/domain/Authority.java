package uk.localoffer.domain;

import uk.localoffer.geo.GeoPoint;

/**
 * A children's services authority: English upper-tier council or Welsh unitary authority.
 * The boundary, when loaded, lives in {@link uk.localoffer.geo.Boundaries}, not here.
 */
public record Authority(String code, String name, String nameCy, Nation nation, String region, String kind,
                        GeoPoint centroid, Double areaKm2, String officialName, String localOfferUrl,
                        LeavingCareTeam leavingCareTeam) {

    public String name(String lang) {
        return "cy".equals(lang) && nameCy != null && !nameCy.isBlank() ? nameCy : name;
    }
}
