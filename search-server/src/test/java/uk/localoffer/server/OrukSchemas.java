package uk.localoffer.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.Set;

/** The Open Referral UK 3.0 JSON Schemas from ../shared/oruk, read locally (nothing is fetched). */
final class OrukSchemas {
    private static final String PREFIX = "https://openreferraluk.org/specifications/3.0/schema/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(PREFIX, ServerTestData.shared().resolve("oruk/3.0/schema").toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private OrukSchemas() { }

    /** Problems found validating {@code json} against the named schema (e.g. "service.json"); empty when valid. */
    static Set<ValidationMessage> validate(String schema, JsonNode json) {
        JsonSchema s = FACTORY.getSchema(SchemaLocation.of(PREFIX + schema), CONFIG);
        return s.validate(json);
    }
}
