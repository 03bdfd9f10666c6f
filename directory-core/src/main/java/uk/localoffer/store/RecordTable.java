package uk.localoffer.store;

import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Service;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How one kind of sourced record is kept: its table, the columns queried beside its JSON, and
 * what makes two versions the same content (everything but when it was imported).
 *
 * @param kind      the kind its changes are recorded under in record_change (and that an authority
 *                  withdraws it under), or null when its changes are not recorded
 */
public record RecordTable<T>(String table, Class<T> type, List<String> columns, Function<T, Object[]> values,
                             Function<T, Provenance> provenance, BiFunction<T, Provenance, T> withProvenance, Function<T, String> id,
                             String kind) {

    public static final RecordTable<Service> SERVICES = new RecordTable<>("service", Service.class,
            List.of("name", "authority_code", "illustrative", "last_verified", "imported_at"),
            s -> new Object[]{s.name(), s.authorityCode(), s.provenance().illustrative() ? 1 : 0,
                    s.provenance().lastVerified() == null ? null : s.provenance().lastVerified().toString(), s.provenance().importedAt().toString()},
            Service::provenance, Service::withProvenance, s -> s.id().toString(), "service");

    public static final RecordTable<Entitlement> ENTITLEMENTS = new RecordTable<>("entitlement", Entitlement.class,
            List.of("authority_code", "nation", "area", "topic", "illustrative"),
            e -> new Object[]{e.authorityCode(), e.nation() == null ? null : e.nation().label(), e.area().code(),
                    e.topic() == null ? "other" : e.topic(), e.provenance().illustrative() ? 1 : 0},
            Entitlement::provenance, Entitlement::withProvenance, e -> e.id().toString(), "entitlement");

    static final RecordTable<CouncilTaxScheme> COUNCIL_TAX = new RecordTable<>("council_tax_scheme", CouncilTaxScheme.class,
            List.of("billing_council", "illustrative"),
            c -> new Object[]{c.billingCouncil(), c.provenance().illustrative() ? 1 : 0},
            CouncilTaxScheme::provenance,
            (c, p) -> new CouncilTaxScheme(c.id(), c.billingCouncil(), c.careLeaversOf(), c.whoStated(), c.ages(), c.percent(), c.reduction(),
                    c.conditions(), c.howToApply(), p), c -> c.id().toString(), null);

    /** The record without its import time: two versions with the same content are equal. */
    T withoutImportTime(T record) {
        return withProvenance.apply(record, provenance.apply(record).withoutImportTime());
    }

    String insert() {
        return "INSERT INTO " + table + " (id, source, source_id, import_run, record_json, " + String.join(", ", columns) + ") VALUES (?, ?, ?, ?, ?"
                + ", ?".repeat(columns.size()) + ")";
    }
}
