package io.parley.loadlab.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.parley.loadlab.client.ChatChains;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A Gatling simulation made of one or more {@link Part}s, started together. */
public abstract class PartSimulation extends Simulation {
    private final List<Part> parts;

    protected PartSimulation(Part... parts) {
        this.parts = List.of(parts);
        List<PopulationBuilder> all = new ArrayList<>();
        this.parts.forEach(p -> all.addAll(p.populations()));
        Duration longest = this.parts.stream().map(Part::maxDuration)
                .max(Comparator.naturalOrder()).orElseThrow();
        setUp(all).protocols(ChatChains.protocol()).maxDuration(longest);
    }

    @Override
    public void before() {
        parts.forEach(Part::before);
    }

    @Override
    public void after() {
        parts.forEach(Part::after);
    }
}
