package io.parley.loadlab.scenario;

import io.parley.loadlab.client.Params;

/**
 * Scenario 6, connection storm and drain: {@code loadlab/scripts/storm.sh} (which drains gateway 1
 * while it runs); see {@link StormPart}.
 */
public class ConnectionStorm extends PartSimulation {
    public ConnectionStorm() {
        super(new StormPart(new Params()));
    }
}
