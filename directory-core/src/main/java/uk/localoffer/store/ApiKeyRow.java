package uk.localoffer.store;

import java.time.Instant;

/**
 * An API key as the store keeps it: never the key, only a salted hash of its secret.
 *
 * @param algorithm  the key derivation ("PBKDF2WithHmacSHA256")
 * @param iterations its iteration count
 * @param lastUsed   when the key last wrote anything (from the audit), null when never
 */
public record ApiKeyRow(String id, String authority, String name, String algorithm, int iterations, byte[] salt, byte[] hash,
                        Instant createdAt, Instant revokedAt, Instant lastUsed) {
    public boolean revoked() { return revokedAt != null; }
}
