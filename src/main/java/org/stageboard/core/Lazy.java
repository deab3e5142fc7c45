package org.stageboard.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made the first time it is asked for, then kept; safe to ask for from several threads
 * (it is made once). For parts of the engine that most starts never use: making them only when
 * used keeps their classes from loading while the window opens.
 */
public final class Lazy<T> implements Supplier<T> {

    private Supplier<? extends T> maker;
    private volatile T value;

    public Lazy(Supplier<? extends T> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = Objects.requireNonNull(maker.get(), "a lazy value was made null");
                    value = made;
                    maker = null;
                }
            }
        }
        return made;
    }
}
