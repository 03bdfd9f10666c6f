package uk.localoffer.domain;

import java.util.Set;
import java.util.UUID;

/**
 * One entitlement in an authority's local offer, or, with {@code authorityCode} null and
 * {@code nation} set, one every care leaver of that nation has: a statutory one, or a national
 * scheme every council of the nation runs (Wales's St David's Day Fund).
 * {@code topic} says what kind it is (setting_up_home, leisure_pass, staying_put, ...), so
 * authorities can be compared; {@code amountGbp} is the one headline figure when there is one.
 */
public record Entitlement(UUID id, String authorityCode, Nation nation, OfferArea area, String topic, String title, String titleCy,
                          String detail, boolean statutory, String amount, Integer amountGbp, AgeRange ages, Set<String> statuses,
                          String conditions, boolean appliesOutOfArea, Provenance provenance) {
    public Entitlement {
        statuses = Set.copyOf(statuses);
        if (authorityCode == null && nation == null) throw new IllegalArgumentException("an entitlement needs an authority or a nation");
    }

    public Entitlement(UUID id, String authorityCode, OfferArea area, String title, String titleCy, String detail,
                       boolean statutory, String amount, AgeRange ages, Set<String> statuses, String conditions,
                       boolean appliesOutOfArea, Provenance provenance) {
        this(id, authorityCode, null, area, "other", title, titleCy, detail, statutory, amount, null, ages, statuses, conditions,
                appliesOutOfArea, provenance);
    }

    public boolean isNational() { return authorityCode == null; }

    public Entitlement withProvenance(Provenance p) {
        return new Entitlement(id, authorityCode, nation, area, topic, title, titleCy, detail, statutory, amount, amountGbp, ages,
                statuses, conditions, appliesOutOfArea, p);
    }

    public String title(String lang) {
        return "cy".equals(lang) && titleCy != null && !titleCy.isBlank() ? titleCy : title;
    }
}
