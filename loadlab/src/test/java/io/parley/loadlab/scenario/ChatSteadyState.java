package io.parley.loadlab.scenario;

import io.parley.loadlab.client.Params;

/** Scenario 1, chat steady state (and its ladder), alone: {@code loadlab/scripts/run.sh}; see {@link ChatPart}. */
public class ChatSteadyState extends PartSimulation {
    public ChatSteadyState() {
        super(new ChatPart(new Params()));
    }
}
