package uk.localoffer.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Care leavers' council tax relief as the billing council runs it. {@code billingCouncil} is the
 * council that sends the bill (a district, unitary, metropolitan, London or Welsh council), a
 * county code for every district of that county, {@link #WALES} for the Welsh national
 * exemption, or null when the home authorities in {@code careLeaversOf} cover their care leavers
 * wherever they live outside their own area. Empty {@code careLeaversOf} means any care leaver
 * living there; {@code whoStated} is false when the source does not say whose care leavers qualify.
 */
public record CouncilTaxScheme(UUID id, String billingCouncil, Set<String> careLeaversOf, boolean whoStated, AgeRange ages,
                               Integer percent, String reduction, String conditions, String howToApply, Provenance provenance) {
    public static final String WALES = "Wales";

    public CouncilTaxScheme {
        careLeaversOf = Set.copyOf(careLeaversOf);
        if (!whoStated && !careLeaversOf.isEmpty()) throw new IllegalArgumentException("a scheme whose page does not say who qualifies lists no authorities");
    }

    /** Any care leaver living there qualifies (false also when the page does not say). */
    public boolean forAnyCareLeaver() { return whoStated && careLeaversOf.isEmpty(); }

    /**
     * Whether a care leaver of {@code home} qualifies: null when their home authority is not
     * known or the source does not say whose care leavers qualify.
     */
    public Boolean appliesTo(String home) {
        if (!whoStated) return null;
        if (careLeaversOf.isEmpty()) return Boolean.TRUE;
        return home == null ? null : careLeaversOf.contains(home);
    }

    public boolean coversOutsideHomeArea() { return billingCouncil == null; }
}
