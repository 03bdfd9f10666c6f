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

    @Test
    void aNeedReasonNamesOnlyANeedTheRecordItselfListsAndANeedBesideItIsRelated() throws Exception {
        var clinic = Fixtures.service("clinic");
        clinic.name = "Sexual health clinic";
        clinic.needs = Set.of("physical-health");
        var counselling = Fixtures.service("counselling");
        counselling.name = "Counselling";
        counselling.needs = Set.of("emotional-wellbeing", "physical-health");
        MatchResult r = directoryOf(clinic.build(), counselling.build()).match(youngPersonInLiverpool().build(), 10, false);
        var clinicReasons = r.results().stream().filter(x -> x.service().name().equals("Sexual health clinic")).findFirst().orElseThrow().reasons();
        assertTrue(clinicReasons.contains(Reason.of(Reason.Code.RELATED_NEED, "physical-health")), clinicReasons.toString());
        assertFalse(clinicReasons.stream().anyMatch(x -> x.code() == Reason.Code.NEED), clinicReasons.toString());
        assertTrue(r.results().get(0).reasons().contains(Reason.of(Reason.Code.NEED, "emotional-wellbeing")));
        assertFalse(r.results().get(0).reasons().stream().anyMatch(x -> x.code() == Reason.Code.RELATED_NEED),
                "what else it does beside the need it meets is not a reason: " + r.results().get(0).reasons());
    }

    @Test
    void aServiceForAGroupRanksForItsMembersAndStaysOutOfTheFirstFiveForOthersSayingWhoItIsFor() throws Exception {
        List<Service> services = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            var general = Fixtures.service("general-" + i);
            general.name = "General counselling " + i;
            general.place = new GeoPoint(53.41 + i * 0.01, -2.98);
            services.add(general.build());
        }
        var group = Fixtures.service("lgbtq");
        group.name = "LGBTQ+ youth group";
        group.circumstances = Set.of("lgbtq");
        group.careLeaverSpecific = true;
        group.place = new GeoPoint(53.408, -2.98);
        services.add(group.build());
        Matcher m = directoryOf(services, List.of());
        MatchResult forOthers = m.match(youngPersonInLiverpool().build(), 10, false);
        assertEquals("LGBTQ+ youth group", names(forOthers).get(5), names(forOthers).toString());
        assertTrue(forOthers.results().get(5).score() > forOthers.results().get(0).score(), "it scores best, yet waits for place six");
        assertTrue(forOthers.results().get(5).warnings().contains(Warning.of(Warning.Code.FOR_GROUP, Set.of("lgbtq"))));
        MatchResult forMembers = m.match(youngPersonInLiverpool().circumstances("lgbtq").build(), 10, false);
        assertEquals("LGBTQ+ youth group", names(forMembers).get(0));
        assertTrue(forMembers.results().get(0).reasons().contains(Reason.of(Reason.Code.DESIGNED_FOR, "lgbtq")));
    }

    /** A crisis service that fits poorly: many needs, a clinical assessment, a wait, and not checked for years. */
    private static Fixtures.ServiceBuilder poorFit(String id, String name) {
        var b = Fixtures.service(id);
        b.name = name;
        b.needs = Set.of("mental-health-crisis", "emotional-wellbeing", "substance-use", "physical-health", "mentoring");
        b.threshold = "clinical_assessment";
        b.waitWeeks = 4;
        b.lastVerified = java.time.LocalDate.now().minusMonths(60);
        return b;
    }

    @Test
    void inACrisisAnOfficeHoursServiceNeverRanksAboveOneOpen24HoursAndOutOfHoursComesBetween() throws Exception {
        var office = Fixtures.service("office");
        office.name = "Office-hours crisis team";
        office.needs = Set.of("mental-health-crisis");
        office.careLeaverSpecific = true;
        office.delivery = Set.of(Delivery.IN_PERSON, Delivery.PHONE);
        var allHours = poorFit("24-7", "Line open all hours");
        allHours.open24x7 = true;
        var evenings = poorFit("evenings", "Evening safe space");
        evenings.outOfHours = true;
        var drugs = Fixtures.service("drugs");
        drugs.name = "Drugs line open all hours";
        drugs.needs = Set.of("substance-use");
        drugs.open24x7 = true;
        Profile crisis = Profile.builder().age(20).postcode("L1").home(LIVERPOOL).need("mental-health-crisis").urgency(Urgency.CRISIS).build();
        MatchResult r = directoryOf(office.build(), allHours.build(), evenings.build(), drugs.build()).match(crisis, 10, false);
        assertEquals("Line open all hours", names(r).get(0));
        assertEquals("Evening safe space", names(r).get(1));
        assertEquals(Set.of("Office-hours crisis team", "Drugs line open all hours"), Set.copyOf(names(r).subList(2, 4)),
                "open all hours, but for a need beside the one asked for: it does not jump the queue");
        var officeTeam = r.results().stream().filter(x -> x.service().name().equals("Office-hours crisis team")).findFirst().orElseThrow();
        assertTrue(officeTeam.score() > r.results().get(0).score(), "the office-hours team scores best, yet comes after both");
        assertTrue(officeTeam.warnings().contains(Warning.of(Warning.Code.OFFICE_HOURS_ONLY)));
    }

    @Test
    void whenEnglishIsNotUsableServicesInEnglishOnlyLeaveTheListAndAreCounted() throws Exception {
        List<Service> services = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            var english = Fixtures.service("english-" + i);
            english.name = "English only " + i;
            english.careLeaverSpecific = true;
            services.add(english.build());
        }
        var interpreted = Fixtures.service("interpreted");
        interpreted.name = "With interpreters";
        interpreted.interpreter = true;
        var pashto = Fixtures.service("pashto");
        pashto.name = "In Pashto";
        pashto.languages = Set.of("ps", "en");
        services.add(interpreted.build());
        services.add(pashto.build());
        Matcher m = directoryOf(services, List.of());
        MatchResult r = m.match(youngPersonInLiverpool().languages("ps").englishOk(false).build(), 10, false);
        assertEquals(List.of("In Pashto", "With interpreters"), names(r));
        assertEquals(3, r.inEnglishOnly());
        assertEquals(2, r.eligible());
        assertEquals(0, m.match(youngPersonInLiverpool().languages("ps").englishOk(true).build(), 10, false).inEnglishOnly());
    }

    @Test
    void outOfAreaTheHomeLeavingCareTeamIsSetApartNotRanked() throws Exception {
        var team = Fixtures.service("cardiff-team");
        team.name = "Cardiff leaving care hub";
        team.authority = CARDIFF;
        team.careLeaverSpecific = true;
        team.accepts = Set.of(CARDIFF);
        team.needs = Set.of("emotional-wellbeing", "housing-advice", "money-benefits");
        team.delivery = Set.of(Delivery.PHONE);
        team.phone = "0300 000 0000"; // the team's own published number (Fixtures.authority)
        var worker = Fixtures.service("cardiff-worker");
        worker.name = "Cardiff wellbeing worker";
        worker.authority = CARDIFF;
        worker.careLeaverSpecific = true;
        worker.accepts = Set.of(CARDIFF);
        worker.delivery = Set.of(Delivery.PHONE);
        worker.phone = "0300 000 0000";
        Matcher m = directoryOf(team.build(), worker.build());
        MatchResult away = m.match(Profile.builder().age(19).postcode("L20 3AB").home(CARDIFF).need("emotional-wellbeing").build(), 10, false);
        assertTrue(away.outOfArea());
        assertEquals(List.of("Cardiff wellbeing worker"), names(away), "one thing the team runs is still a service");
        assertEquals(List.of("Cardiff leaving care hub"), away.homeTeam().stream().map(Service::name).toList());
        MatchResult atHome = m.match(Profile.builder().age(19).postcode("CF10 1EP").home(CARDIFF).need("emotional-wellbeing").build(), 10, false);
        assertTrue(names(atHome).contains("Cardiff leaving care hub"), "at home it is ranked as a service");
    }

    @Test
    void nothingOnlyForOneNationIsOfferedToSomeoneLivingInTheOther() throws Exception {
        var england = Fixtures.service("england");
        england.name = "Staying Close (England)";
        england.nations = Set.of(Nation.ENGLAND);
        england.delivery = Set.of(Delivery.PHONE);
        var wales = Fixtures.service("wales");
        wales.name = "Meic (Wales)";
        wales.nations = Set.of(Nation.WALES);
        wales.delivery = Set.of(Delivery.PHONE);
        var both = Fixtures.service("both");
        both.name = "Helpline for England and Wales";
        both.nations = Set.of(Nation.ENGLAND, Nation.WALES);
        both.delivery = Set.of(Delivery.PHONE);
        var unknown = Fixtures.service("unknown");
        unknown.name = "Text line, nations not recorded";
        unknown.delivery = Set.of(Delivery.PHONE);
        Matcher m = directoryOf(england.build(), wales.build(), both.build(), unknown.build());
        MatchResult inCardiff = m.match(Profile.builder().age(18).postcode("CF10 1EP").home(CARDIFF).need("emotional-wellbeing").build(), 10, true);
        assertEquals(Set.of("Meic (Wales)", "Helpline for England and Wales", "Text line, nations not recorded"), Set.copyOf(names(inCardiff)));
        assertEquals(List.of(Exclusion.of(Exclusion.Code.NATION, List.of("England"))), inCardiff.excluded().get(0).reasons());
        MatchResult inLiverpool = m.match(youngPersonInLiverpool().build(), 10, false);
        assertEquals(Set.of("Staying Close (England)", "Helpline for England and Wales", "Text line, nations not recorded"), Set.copyOf(names(inLiverpool)));
    }

    @Test
    void atTheAgeEdgesServicesEndingSoonSayWhenAndThoseCarryingOnRankUp() throws Exception {
        var ending = Fixtures.service("ending");
        ending.name = "Counselling to 24";
        ending.ages = new AgeRange(16, 24);
        ending.place = new GeoPoint(53.409, -2.98); // the nearer
        var carryingOn = Fixtures.service("carrying-on");
        carryingOn.name = "Counselling, 18 to 30";
        carryingOn.ages = new AgeRange(18, 30);
        carryingOn.place = new GeoPoint(53.43, -2.98);
        var camhs = Fixtures.service("camhs");
        camhs.name = "CAMHS to 17";
        camhs.ages = new AgeRange(11, 17);
        Matcher m = directoryOf(ending.build(), carryingOn.build(), camhs.build());
        assertEquals(List.of("Counselling to 24", "Counselling, 18 to 30"), names(m.match(youngPersonInLiverpool().age(21).build(), 10, false)));
        MatchResult at24 = m.match(youngPersonInLiverpool().age(24).build(), 10, false);
        assertEquals(List.of("Counselling, 18 to 30", "Counselling to 24"), names(at24), "support going on past 25 ranks up at 24");
        assertTrue(at24.results().get(1).warnings().contains(Warning.of(Warning.Code.ENDS_SOON, 24)));
        MatchResult at17 = m.match(youngPersonInLiverpool().age(17).build(), 10, false);
        var camhsAt17 = at17.results().stream().filter(x -> x.service().name().equals("CAMHS to 17")).findFirst().orElseThrow();
        assertTrue(camhsAt17.warnings().contains(Warning.of(Warning.Code.ENDS_SOON, 17)), camhsAt17.warnings().toString());
        assertEquals("Counselling to 24", names(at17).get(0), "at 17, what bridges past 18 comes before what ends at 18");
    }

    @Test
    void explainListsFirstWhatTheYoungPersonsOwnFactsRuledOut() throws Exception {
        List<Service> services = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            var seftonOnly = Fixtures.service("sefton-" + i);
            seftonOnly.name = "Sefton residents' counselling " + i;
            seftonOnly.authority = SEFTON;
            seftonOnly.residence = Residence.authorities(Set.of(SEFTON));
            seftonOnly.place = new GeoPoint(53.4085 + i * 0.001, -2.99); // on the doorstep
            services.add(seftonOnly.build());
        }
        var noDrugs = Fixtures.service("no-drugs");
        noDrugs.name = "Counselling, no current drug use";
        noDrugs.exclusions = Set.of("substance_use");
        noDrugs.place = new GeoPoint(53.45, -2.95); // further away
        services.add(noDrugs.build());
        MatchResult r = directoryOf(services, List.of()).match(youngPersonInLiverpool().circumstances("substance_use").build(), 10, true);
        assertEquals("Counselling, no current drug use", r.excluded().get(0).service().name(),
                r.excluded().stream().map(x -> x.service().name()).toList().toString());
        assertEquals(List.of(Exclusion.of(Exclusion.Code.EXCLUDES, "substance_use")), r.excluded().get(0).reasons());
        assertEquals(Exclusion.of(Exclusion.Code.OUTSIDE_AREA, List.of(SEFTON)), r.excluded().get(1).reasons().get(0), "the council is named");
    }

    @Test
    void aServiceTheAuthorityMustPayForSaysSo() throws Exception {
        var membership = Fixtures.service("membership");
        membership.name = "Counselling membership";
        membership.cost = "authority: membership bought by the council";
        var charged = Fixtures.service("charged");
        charged.name = "Counselling, small fee";
        charged.cost = "£5 a session";
        var free = Fixtures.service("free");
        free.name = "Free counselling";
        MatchResult r = directoryOf(membership.build(), charged.build(), free.build()).match(youngPersonInLiverpool().build(), 10, false);
        java.util.Map<String, List<Warning>> warnings = new java.util.HashMap<>();
        r.results().forEach(x -> warnings.put(x.service().name(), x.warnings()));
        assertTrue(warnings.get("Counselling membership").contains(Warning.of(Warning.Code.AUTHORITY_PAYS)));
        assertTrue(warnings.get("Counselling, small fee").contains(Warning.of(Warning.Code.CHARGES)));
        assertFalse(warnings.get("Free counselling").stream().anyMatch(w -> w.code() == Warning.Code.CHARGES || w.code() == Warning.Code.AUTHORITY_PAYS));
    }
}
