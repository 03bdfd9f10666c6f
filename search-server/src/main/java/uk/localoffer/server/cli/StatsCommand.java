package uk.localoffer.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import uk.localoffer.geo.PostcodeTable;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.store.Stats;
import uk.localoffer.store.Store;

import uk.localoffer.upkeep.Due;

import java.time.LocalDate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "stats", description = "counts of what is stored")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand LocalOffer root;
    @Mixin DataDir data;
    @Option(names = "--json", description = "as one JSON object") boolean json;
    @Option(names = "--due-months", paramLabel = "N", defaultValue = "12",
            description = "count records not checked with the provider for N months as due for checking (default ${DEFAULT-VALUE})")
    int dueMonths;

    @Override
    public Integer call() throws Exception {
        try (Store store = data.openStore()) {
            Map<String, Object> counts = counts(store.stats());
            counts.put("postcodes", PostcodeTable.embedded().size());
            counts.putAll(store.coverage(LocalDate.now(root.clock)).figures());
            counts.putAll(due(store));
            counts.put("schema_version", store.schemaVersion());
            if (json) root.out.println(JsonBody.MAPPER.writeValueAsString(counts));
            else counts.forEach((k, v) -> root.out.printf("%-44s %s%n", k.replace('_', ' '), v));
        }
        return 0;
    }

    /** Records of authorities due for checking ({@link Due}), in all and by kind, and the months that makes them due. */
    private Map<String, Object> due(Store store) {
        if (dueMonths < 1 || dueMonths > 120) throw new UsageException("--due-months must be a whole number from 1 to 120, got '" + dueMonths + "'");
        List<Due.Item> due = Due.of(store.services().stream().filter(s -> s.authorityCode() != null).toList(), store.entitlements(), store.routes(),
                dueMonths, LocalDate.now(root.clock));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("due_for_checking_months", dueMonths);
        m.put("records_due_for_checking", due.size());
        Map<String, Long> byKind = new java.util.TreeMap<>();
        for (Due.Item i : due) byKind.merge(i.kind(), 1L, Long::sum);
        m.put("records_due_for_checking_by_kind", byKind);
        m.put("api_keys_in_use", store.ledger().keys().stream().filter(k -> !k.revoked()).count());
        return m;
    }

    static Map<String, Object> counts(Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("authorities", s.authorities());
        m.put("authorities_with_boundary", s.authoritiesWithBoundary());
        m.put("district_councils", s.districtCouncils());
        m.put("district_councils_with_boundary", s.districtCouncilsWithBoundary());
        m.put("postcode_districts", s.postcodeDistricts());
        m.put("services", s.services());
        m.put("entitlements", s.entitlements());
        m.put("review_rows", s.reviewRows());
        m.put("review_rows_linked", s.reviewRowsLinked());
        m.put("authorities_without_services", s.authoritiesWithoutServices());
        m.put("authorities_without_entitlements", s.authoritiesWithoutEntitlements());
        m.put("illustrative_records", s.illustrativeRecords());
        m.put("sourced_records", s.sourcedRecords());
        return m;
    }
}
