package uk.localoffer.match;

import org.junit.jupiter.api.Test;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Service;
import uk.localoffer.geo.Place;
import uk.localoffer.index.ServiceFacts;
import uk.localoffer.index.ServiceIndex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matcher ranks every eligible service with the fast scorer and writes words for the shown
 * ones with the full one: both must give the same number for every service, or the list a PA
 * sees would not be in the order its own scores say. Checked over the whole default dataset.
 */
class RankingAgreementTest extends OverTheExamples {

    @Test
    void theFastScoreIsTheFullScoreForEveryServiceAndProfile() {
        Service[] services = directory.services().values().toArray(Service[]::new);
        GeoPoint[] places = new GeoPoint[services.length];
        for (int i = 0; i < services.length; i++) places[i] = ServiceIndex.placeOf(services[i], directory.authorities());
        ServiceFacts facts = ServiceFacts.of(services, places);
        Ranking ranking = new Ranking(Weights.DEFAULT, directory.vocabulary());
        Random random = new Random(11);
        List<Authority> authorities = new ArrayList<>(directory.authorities().values());
        List<String> needs = directory.vocabulary().codes("need");
        String[][] languages = {{}, {"cy"}, {"ar", "cy"}, {"ps"}};
        // Month ends and a leap day, where whole months are easiest to miscount.
        LocalDate[] todays = {LocalDate.of(2026, 11, 22), LocalDate.of(2027, 3, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2026, 1, 1)};
        int compared = 0;
        for (int i = 0; i < 80; i++) {
            Authority host = authorities.get(random.nextInt(authorities.size()));
            Profile.Builder b = Profile.builder().age(16 + random.nextInt(10)).location(host.centroid())
                    .languages(languages[random.nextInt(languages.length)]).englishOk(random.nextInt(4) > 0)
                    .urgency(Urgency.values()[random.nextInt(3)]);
            if (random.nextInt(5) > 0) b.need(needs.get(random.nextInt(needs.size())));
            if (random.nextBoolean()) b.need(needs.get(random.nextInt(needs.size())), 2.0);
            if (random.nextInt(3) == 0) b.circumstances("uasc", "young_parent");
            if (random.nextInt(4) == 0) b.delivery(Delivery.IN_PERSON);
            boolean text = random.nextInt(3) == 0;
            if (text) b.text("counselling");
            Profile p = b.build();
            Place place = directory.locator().locate(null, p.location());
            LocalDate today = todays[random.nextInt(todays.length)];
            PreparedRanking prepared = ranking.prepare(p, place, today, facts);
            for (int ord = 0; ord < services.length; ord++) {
                double relevance = text ? random.nextDouble() : 0;
                double full = ranking.score(services[ord], places[ord], false, p, place, relevance, today, false).score();
                double withWords = ranking.score(services[ord], places[ord], false, p, place, relevance, today, true).score();
                double fast = prepared.score(facts, places[ord], ord, relevance);
                int o = ord;
                assertEquals(full, fast, 0.0, () -> services[o].name() + " for " + p + " on " + today);
                assertTrue(prepared.atMost(facts, places[ord], ord, relevance) >= fast);
                assertTrue(prepared.roughly(facts, ord) >= fast, "the cheapest bound is a bound");
                assertEquals(full, withWords, 0.0);
                compared++;
            }
        }
        assertTrue(compared > 80 * 100, "compared " + compared);
    }

    /**
     * Best first, ties in name order, among the services meant for everyone and, apart, among those meant for groups
     * the young person is not in (which wait for place six: see {@link Shortlist}).
     */
    @Test
    void resultsComeBestFirstWithTiesInNameOrder() {
        Authority host = directory.authorities().values().iterator().next();
        for (String need : directory.vocabulary().codes("need")) {
            MatchResult r = directory.matcher().match(Profile.builder().age(19).location(host.centroid()).need(need).build(), 25, false);
            for (boolean forOthers : new boolean[]{false, true}) {
                List<Ranking.Scored> same = r.results().stream().filter(x -> x.service().circumstances().isEmpty() != forOthers).toList();
                for (int i = 1; i < same.size(); i++) {
                    var a = same.get(i - 1);
                    var b = same.get(i);
                    assertTrue(a.score() > b.score() || (a.score() == b.score() && a.service().name().compareTo(b.service().name()) <= 0),
                            need + ": " + a.service().name() + " " + a.score() + " before " + b.service().name() + " " + b.score());
                }
            }
        }
    }
}
