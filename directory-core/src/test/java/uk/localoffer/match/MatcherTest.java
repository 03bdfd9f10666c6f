package uk.localoffer.match;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.Fixtures;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.AgeRange;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.PostcodeDistrict;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.store.Store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One ranking or eligibility property per test, on small directories built in code. */
class MatcherTest {
    static final String LIVERPOOL = "E08000012", SEFTON = "E08000014", CARDIFF = "W06000015";
    static final GeoPoint LIVERPOOL_CENTRE = new GeoPoint(53.4075, -2.9800);

    @TempDir Path dir;
    private Store store;
    private Directory directory;

    private final List<Directory> others = new ArrayList<>();

    @AfterEach
    void close() {
        others.forEach(Directory::close);
        if (directory != null) directory.close();
        if (store != null) store.close();
    }

    private Matcher directoryOf(List<Service> services, List<Entitlement> entitlements) throws Exception {
        store = Store.open(dir.resolve("d.sqlite"));
        List<Authority> authorities = List.of(
                Fixtures.authority(LIVERPOOL, "Liverpool", Nation.ENGLAND, 53.41, -2.98),
                Fixtures.authority(SEFTON, "Sefton", Nation.ENGLAND, 53.50, -3.00),
                Fixtures.authority(CARDIFF, "Cardiff", Nation.WALES, 51.48, -3.18));
        store.write(w -> {
            w.upsertAuthorities(authorities);
            w.replacePostcodeDistricts(List.of(
                    new PostcodeDistrict("L1", LIVERPOOL_CENTRE, LIVERPOOL, "England"),
                    new PostcodeDistrict("L20", new GeoPoint(53.45, -2.99), SEFTON, "England"),
                    new PostcodeDistrict("CF10", new GeoPoint(51.47, -3.17), CARDIFF, "Wales")));
            long run = w.startImportRun("test", "fixtures");
            w.replaceServices("test", services, run);
            w.replaceEntitlements("test", entitlements, run);
            return null;
        });
        directory = new Directory(store, Importer.vocabulary(DataFiles.embedded()), dir.resolve("index"), Weights.DEFAULT);
        return directory.matcher();
    }

    private Matcher directoryOf(Service... services) throws Exception {
        return directoryOf(List.of(services), List.of());
    }

    private static List<String> names(MatchResult r) {
        return r.results().stream().map(s -> s.service().name()).toList();
    }

    private static Profile.Builder youngPersonInLiverpool() {
        return Profile.builder().age(19).postcode("L1 8JQ").home(LIVERPOOL).need("emotional-wellbeing");
    }

    @Test
    void aCareLeaverSpecificServiceBeatsAnOtherwiseIdenticalGeneralOne() throws Exception {
        // Named so that the tie-break (name order) would put the general one first: only the score can put the specific one there.
        var general = Fixtures.service("general", "A counselling service (general)");
        var specific = Fixtures.service("specific", "B counselling service (care leavers)");
        specific.careLeaverSpecific = true;
        MatchResult r = directoryOf(general.build(), specific.build()).match(youngPersonInLiverpool().build(), 10, false);
        assertEquals(List.of("B counselling service (care leavers)", "A counselling service (general)"), names(r));
        assertTrue(r.results().get(0).score() > r.results().get(1).score(), "a higher score, not a tie broken by name");
        assertEquals(1.0, r.results().get(0).factors().get(Factor.CARE_LEAVER));
        assertEquals(0.0, r.results().get(1).factors().get(Factor.CARE_LEAVER));
        assertTrue(r.results().get(0).reasons().contains(Reason.of(Reason.Code.MEANT_FOR_CARE_LEAVERS)));
    }

    @Test
    void answersAreDatedByTheDirectorysClock() throws Exception {
        var checked = Fixtures.service("checked");
        checked.lastVerified = java.time.LocalDate.of(2026, 1, 15);
        Matcher now = directoryOf(checked.build());
        Profile p = youngPersonInLiverpool().build();
        var soon = directoryAt(java.time.LocalDate.of(2026, 3, 1)).match(p, 10, false).results().get(0);
        var later = directoryAt(java.time.LocalDate.of(2031, 2, 1)).match(p, 10, false).results().get(0);
        assertEquals(1.0, soon.factors().get(Factor.FRESHNESS));
        assertFalse(soon.warnings().stream().anyMatch(w -> w.code() == Warning.Code.LAST_CONFIRMED));
        assertEquals(0.2, later.factors().get(Factor.FRESHNESS), "60 months: over twice the stale limit by the later clock");
        assertTrue(later.warnings().contains(Warning.of(Warning.Code.LAST_CONFIRMED, 60L)), later.warnings().toString());
        assertTrue(now.match(p, 10, false).results().size() == 1);
    }

    /** Another directory over the same store, whose clock says it is {@code day}. */
    private Matcher directoryAt(java.time.LocalDate day) {
        Directory d = new Directory(store, directory.vocabulary(), dir.resolve("index-" + day), Weights.DEFAULT,
                java.time.Clock.fixed(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC));
        others.add(d);
        return d.matcher();
    }

    @Test
    void aGoodGeneralServiceStillBeatsAPoorCareLeaverSpecificOne() throws Exception {
        var general = Fixtures.service("general", "Drop-in counselling");
        var specific = Fixtures.service("specific", "Care leaver therapy");
        specific.careLeaverSpecific = true;
        specific.threshold = "clinical_assessment";
        specific.waitWeeks = 20;
        MatchResult r = directoryOf(general.build(), specific.build()).match(youngPersonInLiverpool().build(), 10, false);
        assertEquals("Drop-in counselling", names(r).get(0));
    }

    @Test
    void aTwentySixYearOldNeverGetsASixteenToTwentyFiveService() throws Exception {
        var youth = Fixtures.service("youth", "Young people's counselling");
        youth.ages = new AgeRange(16, 25);
        var adult = Fixtures.service("adult", "Adult counselling");
        adult.ages = new AgeRange(18, null);
        Matcher m = directoryOf(youth.build(), adult.build());
        MatchResult at26 = m.match(youngPersonInLiverpool().age(26).build(), 10, true);
        assertEquals(List.of("Adult counselling"), names(at26));
        assertEquals(1, at26.excludedCount());
        assertEquals(List.of(Exclusion.of(Exclusion.Code.AGE, 26, new AgeRange(16, 25))), at26.excluded().get(0).reasons());
        assertEquals(2, m.match(youngPersonInLiverpool().age(25).build(), 10, false).results().size());
    }

    @Test
    void aServiceThatExcludesCurrentDrugUseIsNotReturnedAndTheExclusionIsExplained() throws Exception {
        var strict = Fixtures.service("strict", "Counselling, no current drug use");
        strict.exclusions = Set.of("substance_use");
        var open = Fixtures.service("open", "Counselling for everyone");
        MatchResult r = directoryOf(strict.build(), open.build())
                .match(youngPersonInLiverpool().circumstances("substance_use").build(), 10, true);
        assertEquals(List.of("Counselling for everyone"), names(r));
        assertEquals(1, r.excluded().size());
        assertEquals("Counselling, no current drug use", r.excluded().get(0).service().name());
        assertEquals(List.of(Exclusion.of(Exclusion.Code.EXCLUDES, "substance_use")), r.excluded().get(0).reasons());
    }

    @Test
    void aWelshSpeakerInCardiffGetsWelshLanguageProvisionFirst() throws Exception {
        List<Service> services = new ArrayList<>();
        for (String name : List.of("Cardiff counselling A", "Cardiff counselling B")) {
            var b = Fixtures.service(name);
            b.name = name;
            b.place = new GeoPoint(51.475, -3.175);
            services.add(b.build());
        }
        var welsh = Fixtures.service("welsh", "Cwnsela Cymraeg").at(51.49, -3.20); // a little further away
        welsh.welsh = LanguageSupport.WelshProvision.ACTIVE_OFFER;
        welsh.languages = Set.of("cy", "en");
        services.add(welsh.build());
        MatchResult r = directoryOf(services, List.of()).match(Profile.builder().age(18).postcode("CF10 1EP").home(CARDIFF)
                .need("emotional-wellbeing").languages("cy").englishOk(true).build(), 10, false);
        assertEquals("Cwnsela Cymraeg", names(r).get(0));
        assertTrue(r.results().get(0).reasons().contains(Reason.of(Reason.Code.DELIVERED_IN, "cy")));
        assertEquals(CARDIFF, r.host().code());
    }

    @Test
    void closerBeatsFartherForInPersonServicesAllElseEqual() throws Exception {
        var near = Fixtures.service("near", "Near").at(53.41, -2.98);
        var far = Fixtures.service("far", "Far").at(53.48, -2.90);
        MatchResult r = directoryOf(far.build(), near.build()).match(youngPersonInLiverpool().build(), 10, false);
        assertEquals(List.of("Near", "Far"), names(r));
        assertTrue(r.results().get(0).distanceKm() < r.results().get(1).distanceKm());
    }

    @Test
    void inPersonOnlyServicesBeyondTheMaximumDistanceAreLeftOutButRemoteOnesStay() throws Exception {
        var far = Fixtures.service("far", "Far, in person").at(53.80, -2.60);
        var phone = Fixtures.service("phone", "Far, also by phone").at(53.80, -2.60);
        phone.delivery = Set.of(Delivery.IN_PERSON, Delivery.PHONE);
        MatchResult r = directoryOf(far.build(), phone.build()).match(youngPersonInLiverpool().maxDistanceKm(10.0).build(), 10, true);
        assertEquals(List.of("Far, also by phone"), names(r));
        assertEquals(Exclusion.Code.TOO_FAR, r.excluded().get(0).reasons().get(0).code(), r.excluded().get(0).reasons().toString());
    }

    @Test
    void aCrisisProfileGetsServicesOpenAllHoursFirst() throws Exception {
        var day = Fixtures.service("day", "Daytime counselling");
        day.needs = Set.of("emotional-wellbeing", "mental-health-crisis");
        day.careLeaverSpecific = true;
        var allHours = Fixtures.service("24-7", "Crisis line");
        allHours.needs = Set.of("mental-health-crisis");
        allHours.delivery = Set.of(Delivery.PHONE);
        allHours.open24x7 = true;
        var evenings = Fixtures.service("evening", "Evening safe space");
        evenings.needs = Set.of("mental-health-crisis");
        evenings.outOfHours = true;
        Profile crisis = Profile.builder().age(20).postcode("L1").home(LIVERPOOL).need("mental-health-crisis").urgency(Urgency.CRISIS).build();
        MatchResult r = directoryOf(day.build(), allHours.build(), evenings.build()).match(crisis, 10, false);
        assertEquals(List.of("Crisis line", "Evening safe space", "Daytime counselling"), names(r));
    }

    @Test
    void outOfAreaReturnsTheHomeOfferAndHostServicesThatAcceptTheHomeAuthoritysCareLeavers() throws Exception {
        var hostOpen = Fixtures.service("sefton-open", "Sefton youth counselling");
        hostOpen.authority = SEFTON;
        hostOpen.residence = Residence.authorities(Set.of(SEFTON));
        hostOpen.place = new GeoPoint(53.46, -2.99);
        var hostOwn = Fixtures.service("sefton-own", "Sefton leaving care wellbeing worker");
        hostOwn.authority = SEFTON;
        hostOwn.accepts = Set.of(SEFTON);
        hostOwn.residence = Residence.authorities(Set.of(SEFTON));
        hostOwn.place = new GeoPoint(53.46, -2.99);
        var homeOnly = Fixtures.service("liverpool-local", "Liverpool residents only");
        homeOnly.authority = LIVERPOOL;
        homeOnly.residence = Residence.authorities(Set.of(LIVERPOOL));
        Entitlement travel = Fixtures.entitlement("travel", CARDIFF, "Travel to appointments");
        Entitlement localGym = new Entitlement(java.util.UUID.randomUUID(), CARDIFF, uk.localoffer.domain.OfferArea.HEALTH_WELLBEING,
                "Free gym pass in Cardiff", null, null, false, null, AgeRange.ANY, Set.of(), null, false,
                new uk.localoffer.domain.Provenance("test", "gym", Fixtures.IMPORTED, null, true, "test fixture"));
        Matcher m = directoryOf(List.of(hostOpen.build(), hostOwn.build(), homeOnly.build()), List.of(travel, localGym));

        // A Cardiff care leaver, aged 19, placed in Sefton.
        MatchResult r = m.match(Profile.builder().age(19).postcode("L20 3AB").home(CARDIFF).need("emotional-wellbeing").build(), 10, true);
        assertTrue(r.outOfArea());
        assertEquals(SEFTON, r.host().code());
        assertEquals("postcode_district", r.place().hostMethod());
        assertEquals(List.of("Sefton youth counselling"), names(r));
        assertEquals(List.of("Travel to appointments"), r.homeOffer().stream().map(Entitlement::title).toList());
        assertEquals("Sefton leaving care team", r.host().leavingCareTeam().name());
        assertEquals(2, r.excludedCount());
    }

    @Test
    void freeTextRaisesTheServicesThatMentionIt() throws Exception {
        var a = Fixtures.service("a", "Wellbeing café");
        a.description = "Art sessions and a weekly café";
        var b = Fixtures.service("b", "Talking therapy");
        b.description = "Counselling for anxiety and low mood";
        Matcher m = directoryOf(a.build(), b.build());
        assertEquals("Talking therapy", names(m.match(youngPersonInLiverpool().text("anxiety").build(), 10, false)).get(0));
        assertEquals("Wellbeing café", names(m.match(youngPersonInLiverpool().text("art").build(), 10, false)).get(0));
    }

    @Test
    void staleRecordsSinkAndCarryAWarning() throws Exception {
        var fresh = Fixtures.service("fresh", "Checked last month");
        var stale = Fixtures.service("stale", "Checked long ago");
        stale.lastVerified = java.time.LocalDate.now().minusMonths(30);
        MatchResult r = directoryOf(stale.build(), fresh.build()).match(youngPersonInLiverpool().build(), 10, false);
        assertEquals(List.of("Checked last month", "Checked long ago"), names(r));
        assertTrue(r.results().get(1).warnings().contains(Warning.of(Warning.Code.LAST_CONFIRMED, 30L)), r.results().get(1).warnings().toString());
        assertFalse(r.results().get(0).warnings().stream().anyMatch(w -> w.code() == Warning.Code.LAST_CONFIRMED));
    }
}
