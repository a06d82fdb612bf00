package io.parley.loadlab.scenario;

import io.parley.loadlab.client.Params;

/** Scenario 2, rate limits, alone: {@code loadlab/scripts/run.sh}; see {@link RateLimitPart}. */
public class RateLimits extends PartSimulation {
    public RateLimits() {
        super(new RateLimitPart(new Params()));
    }
}
