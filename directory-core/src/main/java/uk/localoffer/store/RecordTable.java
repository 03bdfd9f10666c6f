package uk.localoffer.store;

import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Service;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How one kind of sourced record is kept: its table, the columns queried beside its JSON, and
 * what makes two versions the same content (everything but when it was imported).
 *
 * @param history   the table each add, update and removal is recorded in, or null
 * @param needs     the table of the record's need codes (one row per code), or null
 * @param needCodes the need codes of a record, when there is a needs table
 */
record RecordTable<T>(String table, Class<T> type, List<String> columns, Function<T, Object[]> values,
                      Function<T, Provenance> provenance, Function<T, String> id, UnaryOperator<T> withoutImportTime,
                      String history, String needs, Function<T, Set<String>> needCodes) {

    static final RecordTable<Service> SERVICES = new RecordTable<>("service", Service.class,
            List.of("name", "authority_code", "illustrative", "last_verified", "imported_at"),
            s -> new Object[]{s.name(), s.authorityCode(), s.provenance().illustrative() ? 1 : 0,
                    s.provenance().lastVerified() == null ? null : s.provenance().lastVerified().toString(), s.provenance().importedAt().toString()},
            Service::provenance, s -> s.id().toString(), s -> s.withProvenance(s.provenance().withoutImportTime()), "service_change", "service_need", Service::needs);

    static final RecordTable<Entitlement> ENTITLEMENTS = new RecordTable<>("entitlement", Entitlement.class,
            List.of("authority_code", "nation", "area", "topic", "illustrative"),
            e -> new Object[]{e.authorityCode(), e.nation() == null ? null : e.nation().label(), e.area().code(),
                    e.topic() == null ? "other" : e.topic(), e.provenance().illustrative() ? 1 : 0},
            Entitlement::provenance, e -> e.id().toString(), e -> e.withProvenance(e.provenance().withoutImportTime()), null, null, null);

    static final RecordTable<CouncilTaxScheme> COUNCIL_TAX = new RecordTable<>("council_tax_scheme", CouncilTaxScheme.class,
            List.of("billing_council", "illustrative"),
            c -> new Object[]{c.billingCouncil(), c.provenance().illustrative() ? 1 : 0},
            CouncilTaxScheme::provenance, c -> c.id().toString(),
            c -> new CouncilTaxScheme(c.id(), c.billingCouncil(), c.careLeaversOf(), c.whoStated(), c.ages(), c.percent(), c.reduction(),
                    c.conditions(), c.howToApply(), c.provenance().withoutImportTime()), null, null, null);

    String insert() {
        return "INSERT INTO " + table + " (id, source, source_id, import_run, record_json, " + String.join(", ", columns) + ") VALUES (?, ?, ?, ?, ?"
                + ", ?".repeat(columns.size()) + ")";
    }
}
