package uk.localoffer.server.api;

import uk.localoffer.domain.Vocabulary;
import uk.localoffer.oruk.Oruk;
import uk.localoffer.server.http.BadRequestException;

import java.util.Optional;
import java.util.UUID;

/** The vocabulary as Open Referral UK taxonomies and terms, found by their ids; and ids checked as UUIDs. */
final class Taxonomy {
    /** One term: its vocabulary kind and code. */
    record Term(String kind, String code) { }

    private final Vocabulary vocabulary;

    Taxonomy(Vocabulary vocabulary) { this.vocabulary = vocabulary; }

    Optional<String> kind(UUID taxonomyId) {
        return Oruk.TAXONOMIES.stream().filter(k -> Oruk.taxonomyId(k).equals(taxonomyId)).findFirst();
    }

    Optional<Term> term(UUID termId) {
        for (String kind : Oruk.TAXONOMIES)
            for (String code : vocabulary.codes(kind))
                if (Oruk.termId(kind, code).equals(termId)) return Optional.of(new Term(kind, code));
        return Optional.empty();
    }

    /** A parameter that must be a UUID (written the usual way). */
    static UUID uuid(String field, String value) {
        try {
            UUID u = UUID.fromString(value);
            if (!u.toString().equalsIgnoreCase(value)) throw new IllegalArgumentException();
            return u;
        } catch (IllegalArgumentException e) {
            throw BadRequestException.parameter(field, field + " must be a UUID, got '" + value + "'");
        }
    }
}
