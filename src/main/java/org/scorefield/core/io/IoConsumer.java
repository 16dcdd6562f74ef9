package org.scorefield.core.io;

import java.io.IOException;

/**
 * A consumer that may fail with an {@link IOException}: the body of a file write, which
 * {@link java.util.function.Consumer} cannot express without wrapping the exception.
 *
 * @param <T> what the body writes to, e.g. a {@link java.io.Writer}
 */
@FunctionalInterface
public interface IoConsumer<T> {

    void accept(T target) throws IOException;
}
