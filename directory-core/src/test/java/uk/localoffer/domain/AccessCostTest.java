package uk.localoffer.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Who pays is read from a service's cost: blank is free, "authority:" the authority, any other the young person. */
class AccessCostTest {
    @Test
    void theAuthorityPaysOnlyWhenTheCostSaysSo() {
        assertNull(AccessCost.of(" "));
        assertEquals(new AccessCost(AccessCost.Payer.AUTHORITY, "Ask Jan membership, bought by the council"),
                AccessCost.of("Authority: Ask Jan membership, bought by the council"));
        assertEquals(new AccessCost(AccessCost.Payer.YOUNG_PERSON, "£5 a year and 50p a visit"), AccessCost.of("£5 a year and 50p a visit"));
    }
}
