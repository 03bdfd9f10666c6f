package uk.localoffer.match;

import uk.localoffer.index.ServiceFacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The best services of one match in the order a PA should see them, kept in one bounded heap per
 * class: by {@code tier} first (in a crisis, open 24/7, then out of hours, then office hours: an
 * office-hours service never ranks above a 24/7 one), then by score, ties in name order; and a
 * service meant only for groups the young person is not in ({@code forOthers}) stays out of the
 * first {@link #OPEN_PLACES} places while others can fill them.
 */
final class Shortlist {
    /** The first places, kept for services meant for everyone (or for the young person's own groups). */
    static final int OPEN_PLACES = 5;
    static final int TIERS = 3;

    /** One kept service with the class it was kept in. */
    record Placed(TopServices.Kept kept, int tier, boolean forOthers) { }

    private final int limit;
    private final ServiceFacts facts;
    private final TopServices[] heaps = new TopServices[2 * TIERS];
    /** Tier first, then score, then (name, id) order as the heaps break ties. */
    private final Comparator<Placed> order;

    Shortlist(int limit, ServiceFacts facts) {
        this.limit = limit;
        this.facts = facts;
        order = Comparator.<Placed>comparingInt(Placed::tier)
                .thenComparing(Comparator.comparingDouble((Placed p) -> p.kept().score()).reversed())
                .thenComparingInt(p -> facts.nameRank(p.kept().ord()));
    }

    /** The heap of one class, made when first needed. */
    TopServices heap(int tier, boolean forOthers) {
        int i = 2 * tier + (forOthers ? 1 : 0);
        if (heaps[i] == null) heaps[i] = new TopServices(limit, facts);
        return heaps[i];
    }

    /** The kept services in the order shown, at most {@code limit}. */
    List<Placed> bestFirst() {
        List<Placed> open = placed(false), others = placed(true);
        List<Placed> out = new ArrayList<>(open.subList(0, Math.min(OPEN_PLACES, open.size())));
        List<Placed> rest = new ArrayList<>(open.subList(out.size(), open.size()));
        rest.addAll(others);
        rest.sort(order);
        for (Placed p : rest) {
            if (out.size() == limit) break;
            out.add(p);
        }
        return out;
    }

    private List<Placed> placed(boolean forOthers) {
        List<Placed> out = new ArrayList<>();
        for (int tier = 0; tier < TIERS; tier++) {
            TopServices h = heaps[2 * tier + (forOthers ? 1 : 0)];
            if (h != null) for (TopServices.Kept k : h.bestFirst()) out.add(new Placed(k, tier, forOthers));
        }
        return out;
    }
}
