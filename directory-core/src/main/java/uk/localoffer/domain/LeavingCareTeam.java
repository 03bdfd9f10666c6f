package uk.localoffer.domain;

/** The team that supports an authority's care leavers; {@code illustrative} when not from a source. */
public record LeavingCareTeam(String name, Contact contact, boolean illustrative, String note) {
}
