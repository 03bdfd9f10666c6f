package uk.localoffer.upkeep;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import uk.localoffer.domain.Provenance;
import uk.localoffer.store.RecordJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.Set;

/**
 * The version of a record: a strong ETag over every fact it holds (sets in sorted order, so the
 * same record has the same tag in every process), but not when it was imported. The same record
 * has the same tag in English and Welsh answers.
 */
public final class Versions {
    @JsonIgnoreProperties({"importedAt"})
    private abstract static class WithoutImportTime { }

    @JsonIgnoreProperties({"importedAt", "source", "sourceId", "verifiedBy"})
    private abstract static class FactsOnly { }

    private static final ObjectMapper TAGGED = canonical(WithoutImportTime.class), FACTS = canonical(FactsOnly.class);

    private Versions() { }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ObjectMapper canonical(Class<?> provenanceMixin) {
        SimpleModule sorted = new SimpleModule().addSerializer(Set.class, new StdSerializer<Set>(Set.class) {
            @Override
            public void serialize(Set value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                provider.defaultSerializeValue(value.stream().sorted(Comparator.comparing(String::valueOf)).toList(), gen);
            }
        });
        return RecordJson.MAPPER.copy().addMixIn(Provenance.class, provenanceMixin).registerModule(sorted);
    }

    /** The record's ETag, quoted: {@code "Zk3…"}. */
    public static String tag(Object record) {
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(write(TAGGED, record))).substring(0, 27) + "\"";
    }

    /** True when two versions hold the same facts, whichever source keeps them, whoever last checked them and when they were imported. */
    public static boolean sameFacts(Object a, Object b) {
        return write(FACTS, a).equals(write(FACTS, b));
    }

    /**
     * True when an If-Match {@code header} ({@code *}, or one or more tags, compared strongly as
     * RFC 9110 asks: a weak tag never matches) holds for {@code tag}; null means there is no record.
     */
    public static boolean matches(String header, String tag) {
        if (header.trim().equals("*")) return tag != null;
        if (tag == null) return false;
        for (String t : header.split(",")) if (t.trim().equals(tag)) return true;
        return false;
    }

    private static String write(ObjectMapper mapper, Object record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + record.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
