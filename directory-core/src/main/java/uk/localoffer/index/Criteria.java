package uk.localoffer.index;

import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Nation;

import java.util.Set;

/**
 * The hard eligibility of one young person, as the index filters it (docs/ranking.md, "Hard
 * eligibility"): plain values, so the matcher needs no Lucene.
 *
 * @param needs         need codes a service must list one of; empty: every service
 * @param home          the home authority assumed for "only our own care leavers" services; null: only open ones
 * @param excluding     circumstances of the young person: services excluding any of them are left out
 * @param hostAuthority the authority they live in (null outside England and Wales)
 * @param hostNation    the nation they live in: a service covering only the other nation is left out, unless it is
 *                      their home authority's own (null outside England and Wales)
 * @param point         where they live
 * @param maxDistanceKm how far they can travel to an in-person-only service; null: any distance
 * @param delivery      delivery codes they can use; empty: any
 * @param text          free text, which ranks (BM25) but filters nothing; null or blank: none
 */
public record Criteria(Set<String> needs, Integer age, String status, String home, Set<String> excluding, String hostAuthority,
                       Nation hostNation, GeoPoint point, Double maxDistanceKm, Set<String> delivery, String text) {
    public Criteria {
        needs = Set.copyOf(needs);
        excluding = Set.copyOf(excluding);
        delivery = Set.copyOf(delivery);
    }

    public boolean hasText() { return text != null && !text.isBlank(); }
}
