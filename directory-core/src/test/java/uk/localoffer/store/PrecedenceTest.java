package uk.localoffer.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.Fixtures;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Service;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an authority writes wins: an import neither overwrites it nor brings back what it withdrew. */
class PrecedenceTest {
    static final String GSS = "E08000012", OWN = Stored.authoritySource(GSS);
    @TempDir Path dir;

    private static AuthorityRoute route(AuthorityRoute.Kind kind, String name, String source) {
        return new AuthorityRoute(GSS, kind, name, List.of("0151 233 3000"), null, null, null, null, null, null,
                new Provenance(source, name, null, null, false, null));
    }

    @Test
    void anImportLeavesWhatTheAuthorityWroteOrWithdrewAsItIs() {
        var a = Fixtures.service("a");
        a.authority = GSS;
        var b = Fixtures.service("b");
        b.authority = GSS;
        Service first = a.build(), second = b.build();
        a.description = "In the council's own words";
        Service edited = a.build();
        try (Store store = Store.open(dir.resolve("d.sqlite"))) {
            store.write(w -> {
                w.upsertAuthorities(List.of(Fixtures.authority(GSS, "Liverpool", Nation.ENGLAND, 53.41, -2.98)));
                w.replaceServices("offers/north", List.of(first, second), w.startImportRun("offers/north", "1"));
                long run = w.startRun(OWN, "api", null);
                w.records(RecordTable.SERVICES).put(edited, OWN, run, "updated", first);
                w.records(RecordTable.SERVICES).withdraw(second, GSS, run);
                return null;
            });
            Changes again = store.write(w -> w.replaceServices("offers/north", List.of(first, second), w.startImportRun("offers/north", "2")));
            assertEquals(new Changes(0, 0, 0, 2), again);
            assertEquals(List.of(edited), store.services());
            assertEquals(List.of("added", "updated"), store.ledger().history("service", first.id().toString()).stream().map(Ledger.Change::change).toList());
            assertEquals(List.of("added", "withdrawn"), store.ledger().history("service", second.id().toString()).stream().map(Ledger.Change::change).toList());
        }
    }

    @Test
    void theAuthoritysOwnTeamContactReplacesTheImportedOneAndWithdrawingItHidesBoth() {
        AuthorityRoute imported = route(AuthorityRoute.Kind.LEAVING_CARE_TEAM, "Imported team", "offers/north"),
                door = route(AuthorityRoute.Kind.FRONT_DOOR, "Front door", "offers/north"),
                own = route(AuthorityRoute.Kind.LEAVING_CARE_TEAM, "The council's own", OWN);
        try (Store store = Store.open(dir.resolve("d.sqlite"))) {
            store.write(w -> {
                w.upsertAuthorities(List.of(Fixtures.authority(GSS, "Liverpool", Nation.ENGLAND, 53.41, -2.98)));
                w.replaceRoutes("offers/north", List.of(imported, door));
                return null;
            });
            assertEquals(List.of(imported, door), store.routes());
            store.write(w -> { w.putTeam(own, w.startRun(OWN, "api", null), "updated", imported); return null; });
            store.write(w -> w.replaceRoutes("offers/north", List.of(imported, door)));
            assertEquals(List.of(own, door), store.routes(), "the import is stored again, and still not in force");
            store.write(w -> { w.withdrawTeam(own, w.startRun(OWN, "api", null)); return null; });
            assertEquals(List.of(door), store.routes());
            assertTrue(store.write(w -> w.team(GSS)).isEmpty());
        }
    }
}
