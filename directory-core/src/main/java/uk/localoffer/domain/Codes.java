package uk.localoffer.domain;

import java.util.function.Function;

/** Finding an enum constant by the code it is written as in files and requests ("in_person", "crisis"). */
public final class Codes {
    private Codes() { }

    /** The constant whose code is {@code code}; else an IllegalArgumentException saying what was expected. */
    public static <E extends Enum<E>> E parse(E[] values, Function<E, String> codeOf, String code, String unknown) {
        for (E e : values) if (codeOf.apply(e).equals(code)) return e;
        throw new IllegalArgumentException(unknown);
    }
}
