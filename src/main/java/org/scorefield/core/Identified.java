package org.scorefield.core;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.scorefield.core.io.JsonFields;

/**
 * A choice known by a short id on the command line and in files ({@code vp}, {@code heun},
 * {@code moons}); {@link #byId} is the one lookup that turns such an id back into the choice.
 */
public interface Identified {

    /** The id, e.g. {@code vp-cosine}. */
    String id();

    /**
     * The constant of {@code type} with this id.
     *
     * @param what how the user names such a thing, e.g. "solver"
     * @throws InvalidInputException naming every valid id
     */
    static <E extends Enum<E> & Identified> E byId(Class<E> type, String id, String what) {
        E[] values = type.getEnumConstants();
        for (E e : values) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new InvalidInputException("Unknown " + what + " '" + JsonFields.quote(String.valueOf(id)) + "'; choose one of "
                + Arrays.stream(values).map(Identified::id).collect(Collectors.joining(", ")) + ".");
    }
}
