package uk.localoffer.domain;

import java.util.Set;

/**
 * Who may use a service. Empty {@code statuses} means any care leaver status; empty
 * {@code acceptsHomeAuthorities} means care leavers of any responsible authority.
 */
public record Eligibility(AgeRange ages, Set<String> statuses, Set<String> acceptsHomeAuthorities,
                          Residence residence, Set<String> exclusions) {
    public Eligibility {
        statuses = Set.copyOf(statuses);
        acceptsHomeAuthorities = Set.copyOf(acceptsHomeAuthorities);
        exclusions = Set.copyOf(exclusions);
    }

    public boolean acceptsAnyHomeAuthority() { return acceptsHomeAuthorities.isEmpty(); }
}
