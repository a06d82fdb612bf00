package io.parley.loadlab.scenario;

import io.gatling.javaapi.core.PopulationBuilder;

import java.time.Duration;
import java.util.List;

/**
 * One scenario's load and verdict, so a simulation can run it alone or several side by side (the
 * CI gate): its virtual users, its set-up (Gatling's {@code before}) and its summary
 * ({@code after}).
 */
public interface Part {
    List<PopulationBuilder> populations();

    /** Longest the scenario may take once the load starts; it normally ends well before. */
    Duration maxDuration();

    void before();

    void after();
}
