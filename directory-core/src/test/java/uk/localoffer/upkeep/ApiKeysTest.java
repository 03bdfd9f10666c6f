package uk.localoffer.upkeep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.Fixtures;
import uk.localoffer.domain.Nation;
import uk.localoffer.store.ApiKeyRow;
import uk.localoffer.store.Store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys: the store keeps a salted PBKDF2 hash of the secret, never the key; a key speaks for one authority until revoked. */
class ApiKeysTest {
    @TempDir Path dir;

    private Store store() {
        Store store = Store.open(dir.resolve("d.sqlite"));
        store.write(w -> {
            w.upsertAuthorities(List.of(Fixtures.authority("E08000012", "Liverpool", Nation.ENGLAND, 53.41, -2.98)));
            return null;
        });
        return store;
    }

    @Test
    void theStoreKeepsASaltedHashOfTheSecretAndNeverTheKey() {
        try (Store store = store()) {
            ApiKeys keys = new ApiKeys(store, Clock.systemUTC());
            ApiKeys.Created a = keys.create("E08000012", "web team"), b = keys.create("E08000012", "web team");
            String secret = a.key().substring(21);
            ApiKeyRow row = store.ledger().key(a.row().id()).orElseThrow();
            assertEquals("PBKDF2WithHmacSHA256", row.algorithm());
            assertTrue(row.iterations() >= 100_000);
            assertEquals(16, row.salt().length);
            assertFalse(java.util.Arrays.equals(row.salt(), store.ledger().key(b.row().id()).orElseThrow().salt()), "each key its own salt");
            assertArrayEquals(ApiKeys.derive(secret, row.salt(), row.iterations()), row.hash());
            String stored = new String(row.hash(), StandardCharsets.ISO_8859_1) + new String(row.salt(), StandardCharsets.ISO_8859_1) + row.name() + row.id();
            assertFalse(stored.contains(secret));
            assertFalse(Base64.getUrlEncoder().withoutPadding().encodeToString(row.hash()).equals(secret));
        }
    }

    @Test
    void aKeySpeaksForItsAuthorityUntilRevokedAndAnythingElseForNobody() {
        try (Store store = store()) {
            ApiKeys keys = new ApiKeys(store, Clock.systemUTC());
            ApiKeys.Created c = keys.create("E08000012", "web team");
            assertEquals(new ApiKeys.Holder(c.row().id(), "E08000012", "web team"), keys.verify(c.key()).orElseThrow());
            String wrongSecret = c.key().substring(0, 21) + "A".repeat(43);
            for (String bad : new String[]{wrongSecret, "lok_" + "z".repeat(16) + c.key().substring(20), c.key() + "x", "", null, "Bearer " + c.key()})
                assertTrue(keys.verify(bad).isEmpty(), String.valueOf(bad));
            assertTrue(keys.revoke(c.row().id()));
            assertTrue(keys.verify(c.key()).isEmpty(), "revoked");
            assertFalse(keys.revoke(c.row().id()), "revoked already");
            assertThrows(IllegalArgumentException.class, () -> keys.create("E99999999", "nobody"));
            assertThrows(IllegalArgumentException.class, () -> keys.create("E08000012", " "));
        }
    }
}
