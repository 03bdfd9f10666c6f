package uk.localoffer.index;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** The ords of the services a search matched, in index order, with each one's text relevance when asked. */
public final class Hits {
    private int[] ords = new int[256];
    private float[] text;
    private int size;

    Hits(boolean withText) { text = new float[withText ? 256 : 0]; }

    void add(int ord, float relevance) {
        if (size == ords.length) ords = Arrays.copyOf(ords, size * 2);
        if (text.length > 0) {
            if (size == text.length) text = Arrays.copyOf(text, size * 2);
            text[size] = relevance;
        }
        ords[size++] = ord;
    }

    public int size() { return size; }

    /** The ord of the {@code i}th hit. */
    public int ord(int i) { return ords[i]; }

    /** The text relevance (BM25) of the {@code i}th hit; 0 without text. */
    public float text(int i) { return text.length == 0 ? 0f : text[i]; }

    /** The best text relevance among the hits; 0 without text. */
    public float maxText() {
        float max = 0;
        for (int i = 0; i < size && text.length > 0; i++) max = Math.max(max, text[i]);
        return max;
    }

    public Set<Integer> ordSet() {
        Set<Integer> out = new HashSet<>(size * 2);
        for (int i = 0; i < size; i++) out.add(ords[i]);
        return out;
    }
}
