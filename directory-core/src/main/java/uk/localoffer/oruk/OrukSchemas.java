package uk.localoffer.oruk;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Open Referral UK 3.0 JSON Schemas, read from a local folder (e.g. ../shared/oruk/3.0/schema).
 * The schemas refer to each other by their published URL; that prefix is mapped to the folder,
 * so nothing is fetched.
 */
public final class OrukSchemas {
    public static final String PREFIX = "https://openreferraluk.org/specifications/3.0/schema/";

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    public OrukSchemas(Path folder) {
        if (!Files.isRegularFile(folder.resolve("service.json")))
            throw new IllegalArgumentException("no Open Referral UK schemas in " + folder + " (expected service.json there)");
        String uri = folder.toAbsolutePath().toUri().toString();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix(PREFIX, uri.endsWith("/") ? uri : uri + "/")));
    }

    /** Each problem as "JSON path: message"; empty when {@code json} is valid against {@code schema} (e.g. "service.json"). */
    public List<String> validate(String schema, JsonNode json) {
        JsonSchema s = factory.getSchema(SchemaLocation.of(PREFIX + schema), config);
        return s.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
