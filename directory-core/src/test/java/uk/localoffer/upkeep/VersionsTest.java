package uk.localoffer.upkeep;

import org.junit.jupiter.api.Test;
import uk.localoffer.Fixtures;
import uk.localoffer.domain.Service;
import uk.localoffer.store.RecordJson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record's version tag: the same for the same facts however its sets are ordered, different when any fact differs. */
class VersionsTest {
    @Test
    void theTagIgnoresSetOrderAndImportTimeAndChangesWithAnyFact() {
        var b = Fixtures.service("v");
        b.needs = new LinkedHashSet<>(List.of("mentoring", "emotional-wellbeing", "housing"));
        Service s = b.build();
        b.needs = new LinkedHashSet<>(List.of("housing", "mentoring", "emotional-wellbeing"));
        Service same = b.build().withProvenance(s.provenance().keptBy("test", "v", Instant.parse("2030-01-01T00:00:00Z")));
        assertEquals(Versions.tag(s), Versions.tag(same));
        assertEquals(Versions.tag(s), Versions.tag(RecordJson.read(RecordJson.write(s), Service.class)), "stored and read back");
        b.needs = Set.of("housing", "mentoring");
        assertNotEquals(Versions.tag(s), Versions.tag(b.build()));
        assertNotEquals(Versions.tag(s), Versions.tag(s.withProvenance(s.provenance().verified(LocalDate.of(2026, 12, 3), "E08000012"))));
        assertTrue(Versions.sameFacts(s, s.withProvenance(s.provenance().keptBy("authority/E08000012", "x", null))), "where it is kept is not a fact");
    }

    @Test
    void ifMatchComparesStronglyAndStarMeansAnyVersion() {
        assertTrue(Versions.matches("\"a\"", "\"a\""));
        assertTrue(Versions.matches("\"b\", \"a\"", "\"a\""));
        assertFalse(Versions.matches("W/\"a\"", "\"a\""), "a weak tag never matches If-Match");
        assertTrue(Versions.matches("*", "\"a\""));
        assertFalse(Versions.matches("*", null));
        assertFalse(Versions.matches("\"a\"", null));
    }
}
