package uk.localoffer.importer;

import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Service;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The records an import read, source by source: each source's records become exactly these. */
record Offers(Map<String, List<Service>> services, Map<String, List<Entitlement>> entitlements,
              Map<String, List<AuthorityRoute>> routes, Map<String, List<CouncilTaxScheme>> councilTax) {

    static Offers empty() {
        return new Offers(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** Every source, in the order first met: services' sources, then entitlements', routes' and council tax's. */
    Set<String> sources() {
        Set<String> out = new LinkedHashSet<>(services.keySet());
        out.addAll(entitlements.keySet());
        out.addAll(routes.keySet());
        out.addAll(councilTax.keySet());
        return out;
    }

    /** Adds what one file of {@code source} held. */
    void add(String source, RecordReader.Read read) {
        addTo(services, source, read.services());
        addTo(entitlements, source, read.entitlements());
        addTo(routes, source, read.routes());
        addTo(councilTax, source, read.councilTax());
    }

    private static <T> void addTo(Map<String, List<T>> bySource, String source, List<T> records) {
        if (records != null) bySource.computeIfAbsent(source, k -> new java.util.ArrayList<>()).addAll(records);
    }

    int serviceCount() { return services.values().stream().mapToInt(List::size).sum(); }

    int entitlementCount() { return entitlements.values().stream().mapToInt(List::size).sum(); }
}
