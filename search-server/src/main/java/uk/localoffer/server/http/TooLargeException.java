package uk.localoffer.server.http;

/** The request body is larger than the server takes. */
public final class TooLargeException extends RuntimeException {
    public TooLargeException(long maxBytes) { super("the request body is over " + maxBytes / 1024 + " KiB"); }
}
