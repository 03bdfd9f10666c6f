package uk.localoffer.bench;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Urgency;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The seeded young people of the scale benchmark, varied like MatchBenchmark's: across England
 * and Wales, ages 16–25, one or two needs (a need may be a whole local-offer area), a language
 * (none, cy, ps, ar, ti), all three urgencies, a third out of area, some with a status, a
 * distance limit, phone/online only, a circumstance, or free text. The engine and both SQL
 * baselines answer exactly these profiles.
 */
public final class ScaleProfiles {
    public static final int COUNT = 500;
    private static final String[][] LANGUAGES = {{}, {"cy"}, {"ps"}, {"ar"}, {"ti"}};
    private static final String[] TEXTS = {"counselling", "money advice", "mentoring", "youth hub"};
    private static final String[] CIRCUMSTANCES = {"uasc", "young_parent", "lgbtq", "neurodivergent"};

    private ScaleProfiles() { }

    /** {@code authorities} in the store's order (Store.authorities()). */
    public static List<Profile> generate(int count, long seed, List<Authority> authorities, Vocabulary vocabulary) {
        Random random = new Random(seed);
        List<String> needs = vocabulary.codes("need");
        List<String> statuses = vocabulary.codes("status");
        List<Profile> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Authority host = authorities.get(random.nextInt(authorities.size()));
            Authority home = random.nextInt(3) == 0 ? authorities.get(random.nextInt(authorities.size())) : host;
            Profile.Builder b = Profile.builder().age(16 + random.nextInt(10)).location(host.centroid()).home(home.code())
                    .need(needs.get(random.nextInt(needs.size())))
                    .languages(LANGUAGES[random.nextInt(LANGUAGES.length)])
                    .urgency(Urgency.values()[random.nextInt(3)]);
            if (random.nextBoolean()) b.need(needs.get(random.nextInt(needs.size())));
            if (random.nextInt(5) == 0) b.status(statuses.get(random.nextInt(statuses.size())));
            if (random.nextInt(4) == 0) b.maxDistanceKm(15.0);
            if (random.nextInt(5) == 0) b.delivery(Delivery.PHONE, Delivery.ONLINE);
            int c = random.nextInt(12);
            if (c < 2) b.circumstances("substance_use");
            else if (c == 2) b.circumstances(CIRCUMSTANCES[random.nextInt(CIRCUMSTANCES.length)]);
            if (random.nextInt(8) == 0) b.text(TEXTS[random.nextInt(TEXTS.length)]);
            out.add(b.build());
        }
        return out;
    }
}
