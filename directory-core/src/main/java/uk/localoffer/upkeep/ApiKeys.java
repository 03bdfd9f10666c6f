package uk.localoffer.upkeep;

import uk.localoffer.store.ApiKeyRow;
import uk.localoffer.store.Store;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys, one authority each. A key is {@code lok_<id>_<secret>}: the id is public (lists, audit,
 * logs), the secret is shown once when the key is made and never kept: the store holds a salted
 * PBKDF2 hash of it (the JDK's PBKDF2WithHmacSHA256). Checking a key always derives one hash and
 * compares in constant time, whether or not its id exists, so the time taken does not tell a
 * real key id from an invented one.
 */
public final class ApiKeys {
    public static final String PREFIX = "lok_";
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** The secret is 256 random bits, so the hash's cost guards a stolen store, not a guessable password: about 30 ms a check. */
    static final int ITERATIONS = 100_000;
    private static final Pattern FORMAT = Pattern.compile("^lok_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$");
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who a valid key speaks for. */
    public record Holder(String keyId, String authority, String name) { }

    /** A key just made: {@code key} is the only time its secret exists outside the caller. */
    public record Created(ApiKeyRow row, String key) { }

    private final Store store;
    private final Clock clock;
    /** What an unknown or malformed key is checked against, so it costs what a real one does. */
    private final byte[] dummySalt = random(16);
    private final byte[] dummyHash = random(32);

    public ApiKeys(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Makes a key for {@code authority}; the authority must be in the store. */
    public Created create(String authority, String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a key needs a name (who holds it, e.g. \"web team\")");
        if (store.authority(authority).isEmpty()) throw new IllegalArgumentException("unknown authority GSS code '" + authority + "'");
        String id = id(), secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        byte[] salt = random(16);
        ApiKeyRow row = new ApiKeyRow(id, authority, name.strip(), ALGORITHM, ITERATIONS, salt, derive(secret, salt, ITERATIONS), clock.instant(), null, null);
        store.writeDurably(w -> { w.addKey(row); return null; });
        return new Created(row, PREFIX + id + "_" + secret);
    }

    /** Revokes a key at once; false when there is no such key or it was revoked already. */
    public boolean revoke(String id) {
        return store.writeDurably(w -> w.revokeKey(id));
    }

    public List<ApiKeyRow> list() { return store.ledger().keys(); }

    /**
     * Who {@code presented} speaks for: empty when it is malformed, unknown, revoked or wrong.
     * One hash is derived and compared whatever the case.
     */
    public Optional<Holder> verify(String presented) {
        Matcher m = FORMAT.matcher(presented == null ? "" : presented);
        boolean wellFormed = m.matches();
        Optional<ApiKeyRow> row = store.ledger().key(wellFormed ? m.group(1) : "-");
        boolean known = row.isPresent() && row.get().algorithm().equals(ALGORITHM);
        byte[] salt = known ? row.get().salt() : dummySalt, expected = known ? row.get().hash() : dummyHash;
        byte[] actual = derive(wellFormed ? m.group(2) : "-", salt, known ? row.get().iterations() : ITERATIONS);
        boolean equal = MessageDigest.isEqual(actual, expected);
        if (!(wellFormed && known && equal && !row.get().revoked())) return Optional.empty();
        return Optional.of(new Holder(row.get().id(), row.get().authority(), row.get().name()));
    }

    static byte[] derive(String secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String id() {
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) out[i] = ID_CHARS[RANDOM.nextInt(ID_CHARS.length)];
        return new String(out);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
