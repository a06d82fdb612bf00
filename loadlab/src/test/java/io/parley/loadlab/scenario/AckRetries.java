package io.parley.loadlab.scenario;

import io.parley.loadlab.client.Params;

/** Scenario 4, ACK retries, alone: {@code loadlab/scripts/run.sh}; see {@link AckRetryPart}. */
public class AckRetries extends PartSimulation {
    public AckRetries() {
        super(new AckRetryPart(new Params()));
    }
}
