package uk.localoffer.directory;

import org.locationtech.jts.geom.Geometry;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.geo.Boundaries;
import uk.localoffer.geo.DistrictCouncils;
import uk.localoffer.geo.GeoJson;
import uk.localoffer.geo.PostcodeTable;
import uk.localoffer.geo.Postcodes;
import uk.localoffer.store.Store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Everything but the services read from the store at one moment, and the lookups answers need,
 * worked out once: replaced whole on reload. The services are in the search index (their records
 * too, read only for the services shown), never all on the heap.
 */
record Contents(Map<String, Authority> authorities, Map<String, List<Entitlement>> offers, Map<UUID, Entitlement> entitlements,
                Map<String, List<AuthorityRoute>> routes,
                Publishers publishers, List<CouncilTaxScheme> councilTax, List<ReviewRow> reviewRows,
                Map<String, List<ReviewRow>> reviewRowsByAuthority, Boundaries boundaries, DistrictCouncils districtCouncils,
                Postcodes postcodes) {

    static Contents read(Store store) {
        // The routes in force (an authority's own win), and each authority's local offer page and team from them
        // (an authority no route was ever stored for keeps the team its record was given).
        Map<String, List<AuthorityRoute>> routes = store.routes().stream()
                .collect(Collectors.groupingBy(AuthorityRoute::authorityCode, LinkedHashMap::new, Collectors.toList()));
        java.util.Set<String> routed = store.authoritiesWithRoutes();
        Map<String, Authority> authorities = store.authorities().stream()
                .map(a -> routed.contains(a.code()) ? a.withRoutes(routes.getOrDefault(a.code(), List.of())) : a)
                .collect(Collectors.toMap(Authority::code, a -> a, (a, b) -> a, LinkedHashMap::new));
        List<Entitlement> entitlements = store.entitlements();
        Map<UUID, Entitlement> entitlementsById = new LinkedHashMap<>();
        for (Entitlement e : entitlements) entitlementsById.put(e.id(), e);
        List<ReviewRow> reviewRows = store.reviewRows();
        Map<String, List<ReviewRow>> reviewsByAuthority = new LinkedHashMap<>();
        for (ReviewRow r : reviewRows) for (String code : r.authorityCodes()) reviewsByAuthority.computeIfAbsent(code, k -> new ArrayList<>()).add(r);
        return new Contents(authorities, offers(authorities, entitlements), entitlementsById, routes, new Publishers(authorities, routes),
                store.councilTaxSchemes(), reviewRows, reviewsByAuthority,
                new Boundaries(geometries(store.boundaries())),
                new DistrictCouncils(store.districtCouncils(), geometries(store.districtBoundaries())),
                new Postcodes(store.postcodeDistricts(), PostcodeTable.embedded()));
    }

    /** Each authority's offer: its nation's statutory entitlements first, then its own. */
    private static Map<String, List<Entitlement>> offers(Map<String, Authority> authorities, List<Entitlement> all) {
        Map<Nation, List<Entitlement>> national = new EnumMap<>(Nation.class);
        Map<String, List<Entitlement>> own = new LinkedHashMap<>();
        for (Entitlement e : all) {
            if (e.isNational()) national.computeIfAbsent(e.nation(), k -> new ArrayList<>()).add(e);
            else own.computeIfAbsent(e.authorityCode(), k -> new ArrayList<>()).add(e);
        }
        Map<String, List<Entitlement>> out = new LinkedHashMap<>();
        for (Authority a : authorities.values()) {
            List<Entitlement> offer = new ArrayList<>(national.getOrDefault(a.nation(), List.of()));
            offer.addAll(own.getOrDefault(a.code(), List.of()));
            if (!offer.isEmpty()) out.put(a.code(), List.copyOf(offer));
        }
        return out;
    }

    private static Map<String, Geometry> geometries(Map<String, String> geoJsonByCode) {
        Map<String, Geometry> shapes = new LinkedHashMap<>();
        geoJsonByCode.forEach((code, json) -> {
            try {
                shapes.put(code, GeoJson.parse(json));
            } catch (RuntimeException e) {
                throw new IllegalStateException("stored boundary of " + code + " is not readable", e);
            }
        });
        return shapes;
    }
}
