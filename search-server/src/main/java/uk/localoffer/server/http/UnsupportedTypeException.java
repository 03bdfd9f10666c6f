package uk.localoffer.server.http;

/** The body is not in a form the route reads (its Content-Type): answered 415. */
public final class UnsupportedTypeException extends RuntimeException {
    public UnsupportedTypeException(String detail) { super(detail); }
}
