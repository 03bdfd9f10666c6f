package uk.localoffer.oruk;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;

/**
 * The Open Referral UK 3.0 JSON Schemas, as published by the standard and shipped inside the
 * program (data/oruk/3.0/schema, BSD licence beside them). The schemas refer to each other by
 * their published URL; that prefix is mapped to the copy inside the program, so nothing is fetched.
 */
public final class OrukSchemas {
    public static final String PREFIX = "https://openreferraluk.org/specifications/3.0/schema/";
    private static final String EMBEDDED = "default-data/oruk/3.0/schema/";

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private OrukSchemas() {
        if (OrukSchemas.class.getResource("/" + EMBEDDED + "service.json") == null)
            throw new IllegalStateException("the Open Referral UK schemas are missing from the program (" + EMBEDDED + ")");
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix(PREFIX, "classpath:" + EMBEDDED)));
    }

    /** The schemas shipped inside the program. */
    public static OrukSchemas embedded() { return new OrukSchemas(); }

    /** Each problem as "JSON path: message"; empty when {@code json} is valid against {@code schema} (e.g. "service.json"). */
    public List<String> validate(String schema, JsonNode json) {
        JsonSchema s = factory.getSchema(SchemaLocation.of(PREFIX + schema), config);
        return s.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
