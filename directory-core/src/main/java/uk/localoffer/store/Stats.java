package uk.localoffer.store;

/** Counts of what the store holds. */
public record Stats(int authorities, int authoritiesWithBoundary, int postcodeDistricts, int districtCouncils,
                    int districtCouncilsWithBoundary, int services,
                    int entitlements, int reviewRows, int reviewRowsLinked, int authoritiesWithoutServices,
                    int authoritiesWithoutEntitlements, int illustrativeRecords, int sourcedRecords) {
}
