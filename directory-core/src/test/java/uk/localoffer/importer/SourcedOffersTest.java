package uk.localoffer.importer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.TestData;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.match.Weights;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sourced offers as a PA meets them: each nation's law, and facts that must name their page. */
class SourcedOffersTest {
    @TempDir static Path dir;
    static Store store;
    static Directory directory;

    @BeforeAll
    static void load() throws Exception {
        store = TestData.defaultStore(dir);
        directory = new Directory(store, Importer.vocabulary(DataFiles.embedded()), dir.resolve("index"), Weights.DEFAULT);
    }

    @AfterAll
    static void close() {
        directory.close();
        store.close();
    }

    static List<String> topics(String authority) {
        return directory.entitlements(authority).stream().map(Entitlement::topic).toList();
    }

    @Test
    void aWelshHomeAuthoritysOfferListsWhenIAmReadyAndNoStayingPut() {
        for (String cardiffOrGwynedd : List.of("W06000015", "W06000002")) {
            assertTrue(topics(cardiffOrGwynedd).contains("when_i_am_ready"), cardiffOrGwynedd + ": " + topics(cardiffOrGwynedd));
            assertFalse(topics(cardiffOrGwynedd).contains("staying_put"), cardiffOrGwynedd + ": " + topics(cardiffOrGwynedd));
        }
    }

    @Test
    void anEnglishHomeAuthoritysOfferListsStayingPutAndNotWhenIAmReady() {
        assertTrue(topics("E08000012").contains("staying_put"));
        assertFalse(topics("E08000012").contains("when_i_am_ready"));
    }

    static uk.localoffer.match.CouncilTax councilTax(String postcode, String home) {
        var p = uk.localoffer.match.Profile.builder().postcode(postcode).home(home).need("money-benefits").build();
        return directory.matcher().match(p, 5, false).councilTax();
    }

    static java.util.Map<String, Boolean> rules(uk.localoffer.match.CouncilTax t) {
        java.util.Map<String, Boolean> out = new java.util.TreeMap<>();
        for (var r : t.whereTheyLive()) out.put(r.scheme().provenance().sourceId(), r.applies());
        return out;
    }

    @Test
    void councilTaxInATwoTierCountyIsTheDistrictCouncilsRule() {
        var surreyLeaverInGuildford = councilTax("GU1 4AA", "E10000030");
        assertEquals("E07000209", surreyLeaverInGuildford.billingCouncil());
        assertEquals(Boolean.TRUE, rules(surreyLeaverInGuildford).get("guildford-council-tax"), rules(surreyLeaverInGuildford).toString());
        assertFalse(rules(surreyLeaverInGuildford).containsKey("waverley-council-tax"), "another district's rule is not where they live");

        var liverpoolLeaverInGuildford = councilTax("GU1 4AA", "E08000012");
        assertEquals(Boolean.FALSE, rules(liverpoolLeaverInGuildford).get("guildford-council-tax"), "Guildford's scheme is for Surrey's care leavers");
    }

    @Test
    void aHomeAuthoritysSchemeForItsCareLeaversLivingElsewhereComesWithThem() {
        var surreyLeaverInLiverpool = councilTax("L8 1ST", "E10000030");
        assertEquals("E08000012", surreyLeaverInLiverpool.billingCouncil());
        assertEquals(List.of("surrey-council-tax-out-of-county"),
                surreyLeaverInLiverpool.fromHome().stream().map(c -> c.provenance().sourceId()).toList());
        assertTrue(councilTax("GU1 4AA", "E10000030").fromHome().isEmpty(), "at home, the out-of-area scheme does not apply");
    }

    @Test
    void aFactWithoutASourceUrlIsRejectedWithItsFileLineAndField(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("council-tax.csv");
        Files.writeString(file, """
                source_id,billing_council,care_leavers_of,age_min,age_max,percent,reduction,source_url,recorded
                ok,E08000012,E08000012,18,24,100,Exempt until 25,https://liverpool.gov.uk/council-tax,2026-12-03
                no-source,E08000012,any,18,24,100,Exempt until 25,,2026-12-03
                """);
        long before = store.councilTaxSchemes().size();
        ImportFailedException e = assertThrows(ImportFailedException.class,
                () -> new Importer(store).importFiles(List.of(file), "liverpool-tax", Importer.vocabulary(DataFiles.embedded()), false));
        ImportProblem p = e.report().errors().get(0);
        assertEquals(file.toString(), p.file());
        assertEquals("line 3", p.where());
        assertEquals("source_url", p.field());
        assertEquals(before, store.councilTaxSchemes().size());
    }
}
