package uk.localoffer.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON the server reads and writes. Answers are records (and Open Referral UK's maps),
 * written snake_case with every object's keys in alphabetical order; dates are strings already.
 * Bodies are read strictly: only application/json (UTF-8), at most {@link #MAX_BYTES} however
 * they are sent, one JSON value with nothing after it, no key twice, no number that does not
 * fit; each problem a 400 (or 413, 415) naming the field.
 */
public final class JsonBody {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .build();

    /** The largest JSON body read (a match profile, one record). */
    public static final long MAX_BYTES = 64 * 1024;
    /** How deep objects and lists may nest in a body. */
    static final int MAX_DEPTH = 32;
    /** application/json, and application/problem+json where we write problems: always UTF-8. */
    public static final String JSON_TYPE = "application/json; charset=utf-8";

    private static final ObjectMapper STRICT = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(100).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBody() { }

    /** Answers {@code body} as application/json in UTF-8 (written as bytes: no String to encode again). */
    public static void send(Context ctx, Object body) {
        try {
            ctx.contentType(JSON_TYPE).result(MAPPER.writeValueAsBytes(body));
        } catch (Exception e) {
            throw new IllegalStateException("could not write the response", e);
        }
    }

    /** The request body as JSON, read strictly (see the class); not JSON at all is the client's problem, named "body". */
    public static JsonNode read(Context ctx) {
        requireJson(ctx.header("Content-Type"));
        return parse(bytes(ctx, MAX_BYTES));
    }

    /** A 415 unless {@code contentType} is application/json, in UTF-8 if it names a charset. */
    public static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) throw new UnsupportedTypeException("send the body as Content-Type: application/json");
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json"))
            throw new UnsupportedTypeException("the body must be application/json, not " + parts[0].trim().toLowerCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split("=", 2);
            if (kv[0].trim().equalsIgnoreCase("charset") && (kv.length < 2 || !kv[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")))
                throw new UnsupportedTypeException("a JSON body must be UTF-8");
        }
    }

    /** The body's bytes, at most {@code max} whether its length was declared or it came in chunks: over that, a 413. */
    public static byte[] bytes(Context ctx, long max) {
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (out.size() > max) throw new TooLargeException(max);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }

    /** One JSON value from UTF-8 bytes, read strictly (see the class). */
    public static JsonNode parse(byte[] body) {
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw BadRequestException.body(fieldOf(e), detailOf(e));
        } catch (IOException e) {
            throw BadRequestException.body("body", "the request body is not valid JSON");
        }
        if (root == null || root.isMissingNode()) throw BadRequestException.body("body", "the request body is empty: send a JSON object");
        checkNumbers(root, "");
        return root;
    }

    /** The body's bytes as UTF-8 text; bytes that are not UTF-8 are a 400 naming the body. */
    public static String utf8(byte[] body) {
        String text = Utf8.decode(body);
        if (text == null) throw BadRequestException.body("body", "the request body is not UTF-8 text");
        return text;
    }

    /** Where in the body a parse error was, as a field name (location.lat), or "body". */
    private static String fieldOf(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            String pointer = p.getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) return pointer.substring(1).replace('/', '.');
        }
        return "body";
    }

    private static String detailOf(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Duplicate field")) return "a key is given twice: give each field once";
        if (m.startsWith("Trailing token")) return "the request body has more after its JSON value: send one JSON object";
        if (m.contains("nesting depth")) return "the request body nests deeper than " + MAX_DEPTH + " levels";
        if (m.contains("Number value length")) return "a number in the request body is too long";
        return "the request body is not valid JSON";
    }

    /** Every number must be one a double or long holds as written: nothing wraps round or becomes infinite. */
    private static void checkNumbers(JsonNode n, String at) {
        if (n.isNumber()) {
            boolean fits = n.isIntegralNumber() ? n.canConvertToLong() : Double.isFinite(n.doubleValue());
            if (!fits) throw BadRequestException.body(at.isEmpty() ? "body" : at, (at.isEmpty() ? "the body" : at) + ": the number is out of range");
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                checkNumbers(e.getValue(), at.isEmpty() ? e.getKey() : at + "." + e.getKey());
            }
        } else if (n.isArray()) {
            for (JsonNode c : n) checkNumbers(c, at);
        }
    }
}
