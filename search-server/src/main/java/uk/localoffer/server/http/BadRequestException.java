package uk.localoffer.server.http;

/** Something in the request is wrong: a query or path parameter, or a field of the body, named in {@code field}. */
public final class BadRequestException extends RuntimeException {
    public enum Kind { PARAMETER, BODY }

    public final Kind kind;
    public final String field;

    public BadRequestException(Kind kind, String field, String detail) {
        super(detail);
        this.kind = kind;
        this.field = field;
    }

    public static BadRequestException parameter(String field, String detail) { return new BadRequestException(Kind.PARAMETER, field, detail); }

    public static BadRequestException body(String field, String detail) { return new BadRequestException(Kind.BODY, field, detail); }
}
