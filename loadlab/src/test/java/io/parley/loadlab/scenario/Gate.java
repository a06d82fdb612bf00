package io.parley.loadlab.scenario;

import io.parley.loadlab.client.Params;

import java.util.Map;

/**
 * The CI gate's load: scenarios 1, 2, 4 and 5 scaled down and run side by side in one Gatling JVM
 * (one start-up instead of four), each with its own population, ledger and summary
 * ({@code <runDir>/<scenario>/summary.json}). A scenario's parameter can still be changed with
 * its prefix, e.g. {@code -Dchat.users=60}. loadlab/scripts/gate.sh runs it and judges it.
 */
public class Gate extends PartSimulation {
    public Gate() {
        super(new ChatPart(new Params("chat.", Map.of("users", "20", "rate", "10",
                        "duration", "20", "ramp", "5", "drain", "30"))),
                new RateLimitPart(new Params("ratelimit.", Map.of("users", "20",
                        "floodPercent", "10", "floodRate", "30", "rate", "4", "duration", "15",
                        "ramp", "5", "drain", "30"))),
                new AckRetryPart(new Params("ackretry.", Map.of("users", "20", "rate", "4",
                        "duration", "15", "ramp", "5", "drain", "30"))),
                new LargeGroupPart(new Params("group.", Map.of("members", "100",
                        "connected", "20", "senders", "2", "rate", "1", "duration", "15",
                        "ramp", "5", "drain", "30"))));
    }
}
