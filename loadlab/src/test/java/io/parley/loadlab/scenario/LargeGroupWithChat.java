package io.parley.loadlab.scenario;

import io.parley.loadlab.client.Params;

import java.util.Map;

/**
 * Scenario 5 with 1:1 chat alongside (issue #12: does a large group's traffic hurt 1:1 latency?):
 * the large group ({@code -Dgroup.*}) and scenario 1 ({@code -Dchat.*}) in one Gatling JVM, each
 * with its own population, ledger and summary ({@code <runDir>/group}, {@code <runDir>/chat}).
 * The group sets up first; the chat's ramp should end about when the group's does
 * ({@code chat.ramp} ≈ {@code group.ramp} minus the chat's set-up), so both send at once.
 */
public class LargeGroupWithChat extends PartSimulation {
    public LargeGroupWithChat() {
        super(new LargeGroupPart(new Params("group.", Map.of())),
                new ChatPart(new Params("chat.", Map.of("reconnect", "false"))));
    }
}
