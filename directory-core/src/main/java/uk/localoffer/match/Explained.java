package uk.localoffer.match;

import java.util.Arrays;
import java.util.List;

/**
 * A code the matcher explains itself with, and the names of the values its wording needs. The
 * words themselves (English now, Welsh later) belong to whoever shows them: the server.
 */
public interface Explained {
    /** The names of the values that go with this code, in order ("km", "needs"). */
    List<String> params();

    /** The code in lower case, as answers give it ("usual_wait"). */
    default String code() { return ((Enum<?>) this).name().toLowerCase(); }

    /** The values, checked against the code's parameters. */
    static List<Object> values(Explained code, Object... values) {
        if (values.length != code.params().size())
            throw new IllegalArgumentException(code + " takes " + code.params() + ", got " + Arrays.toString(values));
        return List.of(values);
    }
}
