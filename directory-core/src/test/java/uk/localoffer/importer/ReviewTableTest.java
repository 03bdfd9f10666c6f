package uk.localoffer.importer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReviewTableTest {
    @Test
    void councilWordsAndSuffixesAreIgnoredWhenMatchingNames() {
        assertEquals("bristol", ReviewTable.normalise("Bristol, City of"));
        assertEquals("bristol", ReviewTable.normalise("Bristol City Council"));
        assertEquals("telford and wrekin", ReviewTable.normalise("Telford & Wrekin Borough Council (Unitary Authority)"));
        assertEquals("st helens", ReviewTable.normalise("St. Helens"));
        assertEquals("st helens", ReviewTable.normalise("St Helens Borough Council (Metropolitan District)"));
        assertEquals("isles scilly", ReviewTable.normalise("Council of the Isles of Scilly"));
        assertEquals("thurrock", ReviewTable.normalise("Thurrock Children's Social Care (Unitary Authority)"));
    }
}
