package io.parley.loadlab.scenario;

import io.parley.loadlab.client.Params;

/** Idle sockets for the gateway's memory per connection: {@code loadlab/scripts/idle-memory.sh}. */
public class IdleConnections extends PartSimulation {
    public IdleConnections() {
        super(new IdleConnectionsPart(new Params()));
    }
}
