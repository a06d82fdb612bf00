package io.parley.platform.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One live setting: the value from the service's static configuration until etcd holds an
 * override, then the override for as long as it is there and valid. A value that does not parse
 * or fails its check is refused with a warning, and the current one is kept.
 */
public final class LiveValue<T> {
    private static final Logger LOG = LoggerFactory.getLogger(LiveValue.class);

    private final String property;
    private final T configured;
    private final Function<String, T> parse;
    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    private volatile T current;

    /** {@code parse} throws {@link IllegalArgumentException} for a value it refuses. */
    LiveValue(String property, T configured, Function<String, T> parse) {
        this.property = property;
        this.configured = configured;
        this.parse = parse;
        this.current = configured;
    }

    /** A value that never changes: for tests, and for code that runs without etcd. */
    public static <T> LiveValue<T> fixed(String property, T value) {
        return new LiveValue<>(property, value, text -> {
            throw new IllegalArgumentException("not live");
        });
    }

    public String property() {
        return property;
    }

    public T get() {
        return current;
    }

    /** Calls {@code listener} with every new value (not the current one). */
    public LiveValue<T> onChange(Consumer<T> listener) {
        listeners.add(listener);
        return this;
    }

    /** Applies a value from etcd; false (and the old value kept) when it is refused. */
    boolean offer(String raw) {
        T parsed;
        try {
            parsed = parse.apply(raw.trim());
        } catch (RuntimeException e) {
            LOG.warn("live config {}: refused '{}' ({}); keeping {}", property, raw, e.getMessage(),
                    current);
            return false;
        }
        set(parsed, "set to");
        return true;
    }

    /** The override was deleted: back to the configured value. */
    void reset() {
        set(configured, "reset to the configured");
    }

    private void set(T value, String how) {
        if (value.equals(current)) {
            return;
        }
        current = value;
        LOG.info("live config {} {} {}", property, how, value);
        listeners.forEach(l -> l.accept(value));
    }
}
