package io.parley.platform.config;

import io.etcd.jetcd.Client;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.ConversionService;
import io.parley.platform.discovery.EtcdSettings;
import io.parley.platform.discovery.PrefixWatch;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This service's live settings. A feature registers the property it wants changeable at run
 * time with its configured value and its bounds; the value then follows
 * {@code <namespace>/config/<service>/<property>} in etcd (for example
 * {@code /parley/config/gateway/im.gateway.rate.burst = 80}): a put applies a valid value at once,
 * an invalid one is refused and logged, a delete returns to the configured value.
 */
@Singleton
public final class LiveConfig implements PrefixWatch.Handler {
    private final Client etcd;
    private final String prefix;
    private final Map<String, LiveValue<?>> values = new ConcurrentHashMap<>();
    private final Map<String, String> raw = new ConcurrentHashMap<>();
    private PrefixWatch watch;

    LiveConfig(Client etcd, EtcdSettings settings,
               @Value("${micronaut.application.name}") String service) {
        this.etcd = etcd;
        this.prefix = settings.namespace() + "/config/" + service + "/";
    }

    /** The etcd prefix this service's overrides live under. */
    public String prefix() {
        return prefix;
    }

    public LiveValue<Integer> intValue(String property, int configured, int min, int max) {
        return register(property, configured, text -> {
            int v;
            try {
                v = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number");
            }
            return within(v, min, max);
        });
    }

    public LiveValue<Double> doubleValue(String property, double configured, double min, double max) {
        return register(property, configured, text -> {
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number");
            }
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("not a number");
            }
            return within(v, min, max);
        });
    }

    /** Durations as in the configuration files: {@code 45s}, {@code 500ms}, {@code 2m}. */
    public LiveValue<Duration> durationValue(String property, Duration configured, Duration min,
                                             Duration max) {
        return register(property, configured, text -> {
            Duration v = ConversionService.SHARED.convert(text, Duration.class).orElseThrow(
                    () -> new IllegalArgumentException("not a duration (e.g. 45s, 500ms)"));
            return within(v, min, max);
        });
    }

    /** Every live setting with its value now, for {@code /info}. */
    public Map<String, Object> snapshot() {
        Map<String, Object> now = new TreeMap<>();
        values.forEach((k, v) -> now.put(k, String.valueOf(v.get())));
        return now;
    }

    private synchronized <T> LiveValue<T> register(String property, T configured,
                                                   Function<String, T> parse) {
        LiveValue<T> value = new LiveValue<>(property, configured, parse);
        if (values.putIfAbsent(property, value) != null) {
            throw new IllegalStateException(property + " is registered twice");
        }
        if (watch == null) {
            watch = new PrefixWatch(etcd, prefix, this);
        }
        String now = raw.get(property);
        if (now != null) {
            value.offer(now);
        }
        return value;
    }

    private static <T extends Comparable<T>> T within(T v, T min, T max) {
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new IllegalArgumentException("outside " + min + ".." + max);
        }
        return v;
    }

    @Override
    public void reset(Map<String, byte[]> all) {
        Map<String, String> fresh = new ConcurrentHashMap<>();
        all.forEach((key, bytes) -> fresh.put(key.substring(prefix.length()),
                new String(bytes, StandardCharsets.UTF_8)));
        for (String gone : raw.keySet()) {
            if (!fresh.containsKey(gone)) {
                delete(prefix + gone);
            }
        }
        fresh.forEach((property, text) -> put(prefix + property, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void put(String key, byte[] value) {
        String property = key.substring(prefix.length());
        String text = new String(value, StandardCharsets.UTF_8);
        if (text.equals(raw.put(property, text))) {
            return;
        }
        LiveValue<?> v = values.get(property);
        if (v != null) {
            v.offer(text);
        }
    }

    @Override
    public void delete(String key) {
        String property = key.substring(prefix.length());
        raw.remove(property);
        LiveValue<?> v = values.get(property);
        if (v != null) {
            v.reset();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (watch != null) {
            watch.close();
        }
    }
}
