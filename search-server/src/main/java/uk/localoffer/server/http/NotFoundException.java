package uk.localoffer.server.http;

/** What the request names is not there. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String detail) { super(detail); }
}
