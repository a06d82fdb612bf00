package io.parley.loadlab.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's parameters, from system properties ({@code -Dusers=200}) with the scenario's defaults,
 * remembered so the summary can say what the run was.
 */
public final class Params {
    private final Map<String, String> used = new LinkedHashMap<>();
    private final String prefix;
    private final Map<String, String> defaults;

    /** Parameters of a scenario run alone: {@code -Dusers=...}. */
    public Params() {
        this("", Map.of());
    }

    /**
     * Parameters of a scenario inside a combined run (the gate): {@code -D<prefix>users=...}
     * first, then the combined run's own defaults, then {@code -Dusers=...}, then the scenario's.
     */
    public Params(String prefix, Map<String, String> defaults) {
        this.prefix = prefix;
        this.defaults = defaults;
    }

    public int integer(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)));
    }

    public double decimal(String name, double fallback) {
        return Double.parseDouble(text(name, Double.toString(fallback)));
    }

    public boolean flag(String name, boolean fallback) {
        return Boolean.parseBoolean(text(name, Boolean.toString(fallback)));
    }

    public String text(String name, String fallback) {
        String value = System.getProperty(prefix + name);
        if (value == null) {
            value = defaults.get(name);
        }
        if (value == null) {
            value = System.getProperty(name, fallback);
        }
        used.put(name, value);
        return value;
    }

    public List<Double> decimals(String name, String fallback) {
        List<Double> out = new ArrayList<>();
        Arrays.stream(text(name, fallback).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).forEach(s -> out.add(Double.parseDouble(s)));
        return out;
    }

    /** The gateways to drive; loopback only. */
    public List<URI> gateways() {
        List<URI> out = new ArrayList<>();
        for (String g : text("gateways", "http://127.0.0.1:8080,http://127.0.0.1:8081").split(",")) {
            URI uri = URI.create(g.trim());
            String host = uri.getHost();
            if (host == null || !(host.equals("localhost") || host.startsWith("127."))) {
                throw new IllegalArgumentException("loadlab targets loopback only, not " + g);
            }
            out.add(uri);
        }
        return out;
    }

    /** Empty for a scenario run alone, e.g. {@code chat.} inside the gate. */
    public String prefix() {
        return prefix;
    }

    public Map<String, String> used() {
        return Map.copyOf(used);
    }
}
