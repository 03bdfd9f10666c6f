package uk.localoffer.match;

import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Nation;

import java.util.List;

/**
 * Care leavers' council tax relief for one young person: what the council that bills them runs
 * (each scheme saying whether it applies to them), and what their home authority gives its care
 * leavers who live outside its area.
 *
 * @param billingCouncil the council that bills where they live (a district in two-tier counties)
 */
public record CouncilTax(String billingCouncil, List<Rule> whereTheyLive, List<CouncilTaxScheme> fromHome) {

    /** A scheme of the billing council, and whether this young person qualifies (null: not known, ask the council). */
    public record Rule(CouncilTaxScheme scheme, Boolean applies) { }

    public static final CouncilTax NONE = new CouncilTax(null, List.of(), List.of());

    /**
     * @param county the county the billing council belongs to, or null
     * @param home   the young person's home authority, or null when not known
     * @param livesAtHome true when they live in their home authority's own area
     */
    public static CouncilTax resolve(List<CouncilTaxScheme> schemes, String billingCouncil, String county, Nation nation,
                                     String home, boolean livesAtHome) {
        if (billingCouncil == null) return NONE;
        List<Rule> where = schemes.stream()
                .filter(s -> s.billingCouncil() != null)
                .filter(s -> s.billingCouncil().equals(billingCouncil) || s.billingCouncil().equals(county)
                        || (CouncilTaxScheme.WALES.equals(s.billingCouncil()) && nation == Nation.WALES))
                .map(s -> new Rule(s, s.appliesTo(home)))
                .toList();
        List<CouncilTaxScheme> fromHome = home == null || livesAtHome ? List.of()
                : schemes.stream().filter(s -> s.coversOutsideHomeArea() && s.careLeaversOf().contains(home)).toList();
        return new CouncilTax(billingCouncil, where, fromHome);
    }
}
