package uk.localoffer.domain;

import java.util.List;
import java.util.Map;

/**
 * One row of the May 2022 review of emotional wellbeing support in English local offers,
 * kept as published ({@code rawName}, raw flag values) with the authorities it was linked to.
 */
public record ReviewRow(int line, String rawName, Map<String, String> flags, String claPer10000, String ofstedRating,
                        List<String> authorityCodes, String linkNote) {

    public static final List<String> FLAGS = List.of("basic_support", "generic_mh_access", "charity_mh_provision",
            "dedicated_mh_workers", "commissioned_services", "extended_camhs", "mentoring", "wider_wellbeing");

    public ReviewRow {
        flags = Map.copyOf(flags);
        authorityCodes = List.copyOf(authorityCodes);
    }

    /** True when the raw value starts with Y ("Y", "Y - nurse"). */
    public boolean says(String flag) {
        String v = flags.get(flag);
        return v != null && v.trim().toUpperCase().startsWith("Y");
    }
}
