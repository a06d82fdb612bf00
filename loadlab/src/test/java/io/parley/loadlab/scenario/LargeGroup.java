package io.parley.loadlab.scenario;

import io.parley.loadlab.client.Params;

/** Scenario 5, large-group read diffusion, alone: {@code loadlab/scripts/run.sh}; see {@link LargeGroupPart}. */
public class LargeGroup extends PartSimulation {
    public LargeGroup() {
        super(new LargeGroupPart(new Params()));
    }
}
