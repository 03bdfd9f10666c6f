package uk.localoffer.server.http;

/**
 * The request carries no valid key: none at all, or one that is unknown, revoked or wrong (the
 * answer does not say which). Answered 401 with a WWW-Authenticate challenge.
 */
public final class UnauthorizedException extends RuntimeException {
    /** True when a key was sent (the challenge then says invalid_token). */
    public final boolean keySent;

    public UnauthorizedException(boolean keySent, String detail) {
        super(detail);
        this.keySent = keySent;
    }

    /** The key in an {@code Authorization: Bearer KEY} header; 401 when there is none. */
    public static String bearer(String header) {
        if (header == null || header.isBlank()) throw new UnauthorizedException(false, "send your key as Authorization: Bearer KEY");
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank())
            throw new UnauthorizedException(false, "the Authorization header must be Bearer KEY");
        return parts[1].trim();
    }
}
