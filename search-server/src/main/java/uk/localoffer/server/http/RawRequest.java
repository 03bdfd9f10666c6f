package uk.localoffer.server.http;

import java.io.ByteArrayOutputStream;

/**
 * Checks the request as it was sent, before anything decodes it: every {@code %} must be
 * followed by two hex digits and the bytes must be UTF-8, with no control characters; a path
 * has no dot segments, empty segments, backslashes or encoded slashes; the address and the
 * headers are not too long. Anything else is a 400 (414, 431) naming the path, the query
 * parameter or the headers at fault, never taken as something else.
 */
public final class RawRequest {
    /** The longest address (path and query) and the most header bytes taken: the browser limits of today, with room. */
    public static final int MAX_URI = 8 * 1024, MAX_HEADERS = 16 * 1024;

    private RawRequest() { }

    /** An answer to a request that is too large in its address or headers: 414 or 431. */
    public static final class TooLongException extends RuntimeException {
        public final int status;
        public final String field;

        TooLongException(int status, String field, String detail) {
            super(detail);
            this.status = status;
            this.field = field;
        }
    }

    /** The sizes: {@code uriLength} of the path and query, {@code headerBytes} of every header's name and value. */
    public static void checkSizes(int uriLength, long headerBytes) {
        if (uriLength > MAX_URI) throw new TooLongException(414, "path", "the address is over " + MAX_URI / 1024 + " KiB");
        if (headerBytes > MAX_HEADERS) throw new TooLongException(431, "headers", "the request's headers are over " + MAX_HEADERS / 1024 + " KiB");
    }

    /** {@code rawPath}: the path as sent; {@code rawQuery}: the query string as sent, or null. */
    public static void check(String rawPath, String rawQuery) {
        String path = rawPath == null ? null : decode(rawPath, false);
        if (rawPath != null && path == null)
            throw BadRequestException.parameter("path", "the path is not valid percent-encoded UTF-8");
        if (path != null && (path.contains("/../") || path.endsWith("/..") || path.contains("/./") || path.endsWith("/.") || path.contains("//")
                || path.contains("\\") || path.contains(";") || rawPath.toLowerCase(java.util.Locale.ROOT).contains("%2f")))
            throw BadRequestException.parameter("path", "the path must not hold dot segments, empty segments, backslashes, semicolons or encoded slashes");
        if (rawQuery == null || rawQuery.isEmpty()) return;
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            if (name == null) throw BadRequestException.parameter("query", "a parameter name is not valid percent-encoded UTF-8");
            if (eq >= 0 && decode(pair.substring(eq + 1), true) == null)
                throw BadRequestException.parameter(name, name + " is not valid percent-encoded UTF-8");
        }
    }

    /** The text {@code s} percent-decodes to (with + as a space in a query), or null when it is not valid UTF-8 without control characters. */
    static String decode(String s, boolean query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) return null;
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                return null;
            } else {
                bytes.write(query && c == '+' ? ' ' : c);
            }
        }
        String text = Utf8.decode(bytes.toByteArray());
        if (text == null) return null;
        for (int i = 0; i < text.length(); i++) if (Character.isISOControl(text.charAt(i))) return null;
        return text;
    }
}
