package uk.localoffer.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Care leavers' council tax relief as the billing council runs it. {@code billingCouncil} is the
 * council that sends the bill (a district, unitary, metropolitan, London or Welsh council), a
 * county code for every district of that county, {@link #WALES} for the Welsh national
 * exemption, or null when the home authorities in {@code careLeaversOf} cover their care leavers
 * wherever they live outside their own area. Empty {@code careLeaversOf} means any care leaver
 * living there.
 */
public record CouncilTaxScheme(UUID id, String billingCouncil, Set<String> careLeaversOf, AgeRange ages, Integer percent,
                               String reduction, String conditions, String howToApply, Provenance provenance) {
    public static final String WALES = "Wales";

    public CouncilTaxScheme {
        careLeaversOf = Set.copyOf(careLeaversOf);
    }

    public boolean forAnyCareLeaver() { return careLeaversOf.isEmpty(); }

    public boolean coversOutsideHomeArea() { return billingCouncil == null; }
}
