package uk.localoffer.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

/**
 * The JSON the server reads and writes. Answers are records (and Open Referral UK's maps),
 * written snake_case with every object's keys in alphabetical order; dates are strings already.
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

    private JsonBody() { }

    /** Answers {@code body} as application/json. */
    public static void send(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(MAPPER.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException("could not write the response", e);
        }
    }

    /** The request body as JSON; not JSON at all is the client's problem, named "body". */
    public static JsonNode read(Context ctx) {
        if (ctx.bodyAsBytes().length > MAX_BYTES) throw new TooLargeException(MAX_BYTES);
        try {
            return MAPPER.readTree(ctx.body());
        } catch (Exception e) {
            throw new BadRequestException(BadRequestException.Kind.BODY, "body", "the request body is not valid JSON");
        }
    }
}
