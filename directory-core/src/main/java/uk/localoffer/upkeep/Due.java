package uk.localoffer.upkeep;

import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An authority's records due for checking: not confirmed with the provider (last_verified) within
 * a number of months, or never; never-checked ones first, then the oldest check first.
 */
public final class Due {
    /** The default: a record not checked for a year is due. */
    public static final int DEFAULT_MONTHS = 12;

    /** One record due: {@code monthsSince} null when it was never checked. */
    public record Item(String kind, String id, String name, LocalDate lastVerified, String verifiedBy, Long monthsSince) { }

    private Due() { }

    /** The records of an authority (its services, its own entitlements, its leaving care team contact) due for checking. */
    public static List<Item> of(List<Service> services, List<Entitlement> entitlements, List<AuthorityRoute> routes, int months, LocalDate today) {
        List<Item> out = new ArrayList<>();
        for (Service s : services) add(out, Writable.SERVICE.kind, s.id().toString(), s.name(), s.provenance(), months, today);
        for (Entitlement e : entitlements)
            if (!e.isNational()) add(out, Writable.ENTITLEMENT.kind, e.id().toString(), e.title(), e.provenance(), months, today);
        for (AuthorityRoute r : routes)
            if (r.kind() == AuthorityRoute.Kind.LEAVING_CARE_TEAM) add(out, Writable.TEAM.kind, r.authorityCode(), r.name(), r.provenance(), months, today);
        out.sort(Comparator.comparing(Item::lastVerified, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Item::kind).thenComparing(Item::name));
        return out;
    }

    private static void add(List<Item> out, String kind, String id, String name, Provenance p, int months, LocalDate today) {
        LocalDate checked = p.lastVerified();
        if (checked != null && !checked.isBefore(today.minusMonths(months))) return;
        out.add(new Item(kind, id, name, checked, p.verifiedBy(), checked == null ? null : ChronoUnit.MONTHS.between(checked, today)));
    }
}
