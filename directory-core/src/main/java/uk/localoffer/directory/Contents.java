package uk.localoffer.directory;

import org.locationtech.jts.geom.Geometry;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;
import uk.localoffer.geo.Boundaries;
import uk.localoffer.geo.DistrictCouncils;
import uk.localoffer.geo.GeoJson;
import uk.localoffer.geo.PostcodeTable;
import uk.localoffer.geo.Postcodes;
import uk.localoffer.oruk.Oruk;
import uk.localoffer.store.Store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Everything read from the store at one moment, and the lookups answers need, worked out once:
 * replaced whole on reload, so no request scans every service.
 */
record Contents(Map<String, Authority> authorities, Map<String, List<Entitlement>> offers, Map<UUID, Entitlement> entitlements,
                Map<String, List<AuthorityRoute>> routes,
                Publishers publishers, List<CouncilTaxScheme> councilTax, Map<UUID, Service> services,
                Map<String, List<Service>> servicesByAuthority, Map<UUID, String> organisations, Map<String, List<Service>> servicesByOrganisation,
                Map<UUID, Directory.ServiceAtLocation> serviceAtLocations, List<ReviewRow> reviewRows,
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
        Map<UUID, Service> services = new LinkedHashMap<>();
        for (Service s : store.services()) services.put(s.id(), s);
        List<Entitlement> entitlements = store.entitlements();
        Map<UUID, Entitlement> entitlementsById = new LinkedHashMap<>();
        for (Entitlement e : entitlements) entitlementsById.put(e.id(), e);
        List<ReviewRow> reviewRows = store.reviewRows();
        Map<String, List<ReviewRow>> reviewsByAuthority = new LinkedHashMap<>();
        for (ReviewRow r : reviewRows) for (String code : r.authorityCodes()) reviewsByAuthority.computeIfAbsent(code, k -> new ArrayList<>()).add(r);
        Map<UUID, String> organisations = new LinkedHashMap<>();
        for (Service s : services.values())
            if (s.organisation() != null) organisations.putIfAbsent(Oruk.organizationId(s.organisation()), s.organisation());
        return new Contents(authorities, offers(authorities, entitlements), entitlementsById, routes, new Publishers(authorities, routes),
                store.councilTaxSchemes(), services,
                groupBy(services.values(), Service::authorityCode), organisations, groupBy(services.values(), Service::organisation),
                serviceAtLocations(services.values()), reviewRows, reviewsByAuthority,
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

    private static Map<String, List<Service>> groupBy(Iterable<Service> services, java.util.function.Function<Service, String> key) {
        Map<String, List<Service>> out = new LinkedHashMap<>();
        for (Service s : services) if (key.apply(s) != null) out.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        return out;
    }

    private static Map<UUID, Directory.ServiceAtLocation> serviceAtLocations(Iterable<Service> services) {
        Map<UUID, Directory.ServiceAtLocation> out = new LinkedHashMap<>();
        for (Service s : services)
            for (int i = 0; i < s.locations().size(); i++) out.putIfAbsent(Oruk.serviceAtLocationId(s, i), new Directory.ServiceAtLocation(s, i));
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
