package uk.localoffer.match;

import org.junit.jupiter.api.Test;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index's eligibility filters and the plain-code rules used to explain exclusions must
 * agree on every service, or a PA would be told the wrong reason. Checked over the whole
 * default dataset (with boundaries) for varied profiles.
 */
class EligibilityAgreementTest extends OverTheExamples {

    @Test
    void theIndexReturnsExactlyTheServicesThePlainRulesSayAreEligible() {
        Random random = new Random(7);
        List<Authority> authorities = new ArrayList<>(directory.authorities().values());
        List<String> needs = directory.vocabulary().codes("need");
        String[] statuses = {null, "eligible", "relevant", "former_relevant", "qualifying"};
        String[] circumstances = {"substance_use", "uasc", "young_parent"};
        int checked = 0, excludedSeen = 0;
        for (int i = 0; i < 60; i++) {
            Authority host = authorities.get(random.nextInt(authorities.size()));
            Authority home = random.nextBoolean() ? host : authorities.get(random.nextInt(authorities.size()));
            String need = needs.get(random.nextInt(needs.size()));
            Profile.Builder b = Profile.builder().age(15 + random.nextInt(13)).location(host.centroid()).home(home.code()).need(need)
                    .status(statuses[random.nextInt(statuses.length)]);
            if (random.nextInt(3) == 0) b.circumstances(circumstances[random.nextInt(circumstances.length)]);
            if (random.nextInt(3) == 0) b.maxDistanceKm(5.0 + random.nextInt(20));
            if (random.nextInt(4) == 0) b.delivery(Delivery.PHONE, Delivery.ONLINE);
            Profile p = b.build();
            MatchResult r = directory.matcher().match(p, 100_000, false);
            Set<UUID> eligible = new HashSet<>();
            r.results().forEach(s -> eligible.add(s.service().id()));
            assertEquals(r.eligible(), eligible.size());
            r.homeTeam().forEach(s -> eligible.add(s.id())); // eligible, but shown apart
            Set<String> related = new HashSet<>(directory.vocabulary().needAndChildren(directory.vocabulary().areaOf(need)));
            for (Service s : directory.services().values()) {
                if (s.needs().stream().noneMatch(related::contains)) continue;
                List<Exclusion> why = directory.matcher().whyNot(s, p);
                assertEquals(why.isEmpty(), eligible.contains(s.id()),
                        () -> s.name() + " (" + s.provenance().sourceId() + ") for " + p + ": plain rules say " + why);
                checked++;
                if (!why.isEmpty()) excludedSeen++;
            }
        }
        assertTrue(checked > 1000 && excludedSeen > 100, "checked " + checked + ", excluded " + excludedSeen);
    }
}
