package uk.localoffer.match;

import uk.localoffer.index.ServiceFacts;

import java.util.ArrayList;
import java.util.List;

/**
 * The best {@code limit} ords seen, by score and then (name, id) order: a bounded heap with
 * the worst kept at the root, so each further service costs one comparison unless it is better.
 */
final class TopServices {
    private final int limit;
    private final ServiceFacts facts;
    private final int[] ords;
    private final double[] scores, texts;
    private int size;

    TopServices(int limit, ServiceFacts facts) {
        this.limit = limit;
        this.facts = facts;
        ords = new int[limit];
        scores = new double[limit];
        texts = new double[limit];
    }

    boolean full() { return limit > 0 && size == limit; }

    /** The lowest score kept (when full). */
    double worstScore() { return scores[0]; }

    /** True when (sa, a) ranks below (sb, b). */
    private boolean worse(double sa, int a, double sb, int b) {
        return sa < sb || (sa == sb && facts.nameRank(a) > facts.nameRank(b));
    }

    void offer(int ord, double score, double text) {
        if (limit == 0) return;
        if (size < limit) {
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!worse(score, ord, scores[parent], ords[parent])) break;
                move(parent, i);
                i = parent;
            }
            put(i, ord, score, text);
        } else if (worse(scores[0], ords[0], score, ord)) {
            siftDown(ord, score, text);
        }
    }

    private void move(int from, int to) {
        put(to, ords[from], scores[from], texts[from]);
    }

    private void put(int i, int ord, double score, double text) {
        ords[i] = ord;
        scores[i] = score;
        texts[i] = text;
    }

    private void siftDown(int ord, double score, double text) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && worse(scores[child + 1], ords[child + 1], scores[child], ords[child])) child++;
            if (!worse(scores[child], ords[child], score, ord)) break;
            move(child, i);
            i = child;
        }
        put(i, ord, score, text);
    }

    /** One kept service: its ord, its score and the text relevance it was scored with. */
    record Kept(int ord, double score, double text) { }

    /** The kept services, best first. */
    List<Kept> bestFirst() {
        List<Integer> positions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) positions.add(i);
        positions.sort((x, y) -> worse(scores[x], ords[x], scores[y], ords[y]) ? 1 : worse(scores[y], ords[y], scores[x], ords[x]) ? -1 : 0);
        return positions.stream().map(i -> new Kept(ords[i], scores[i], texts[i])).toList();
    }
}
