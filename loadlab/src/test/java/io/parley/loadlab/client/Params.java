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
        String value = System.getProperty(name, fallback);
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

    public Map<String, String> used() {
        return Map.copyOf(used);
    }
}
