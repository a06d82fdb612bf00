package io.parley.logic.delivery;

import io.parley.contracts.proto.AddressedResult;
import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.Delivery;
import io.parley.contracts.proto.PushBatch;
import io.parley.contracts.proto.SendResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The push records of one batch of sends, one per gateway (more when a gateway's share names
 * over {@code connectionsPerPush} connections), filled in the batch's order.
 */
final class GatewayBatches {
    private final int connectionsPerPush;
    private final Map<String, List<PushBatch.Builder>> byGateway = new TreeMap<>();
    private final Map<String, Integer> namedInLast = new TreeMap<>();

    GatewayBatches(int connectionsPerPush) {
        this.connectionsPerPush = connectionsPerPush;
    }

    void result(String gateway, String connectionId, SendResult result) {
        current(gateway, 1).addResults(AddressedResult.newBuilder()
                .setConnectionId(connectionId).setResult(result));
    }

    /** {@code ingressAtMs} and {@code trace}: of the send, for the gateway's latency and spans. */
    void deliver(String gateway, ChatMessage message, List<String> connections, long ingressAtMs,
                 Map<String, String> trace) {
        for (int from = 0; from < connections.size(); from += connectionsPerPush) {
            List<String> chunk = connections.subList(from,
                    Math.min(connections.size(), from + connectionsPerPush));
            current(gateway, chunk.size()).addDeliveries(Delivery.newBuilder()
                    .setMessage(message).addAllConnectionIds(chunk)
                    .setIngressAtMs(ingressAtMs).putAllTrace(trace));
        }
    }

    /** Gateway id to its records. */
    Map<String, List<PushBatch>> build() {
        Map<String, List<PushBatch>> out = new TreeMap<>();
        byGateway.forEach((g, builders) -> out.put(g, builders.stream()
                .map(PushBatch.Builder::build).toList()));
        return out;
    }

    private PushBatch.Builder current(String gateway, int naming) {
        List<PushBatch.Builder> records = byGateway.computeIfAbsent(gateway,
                g -> new ArrayList<>(List.of(PushBatch.newBuilder())));
        int named = namedInLast.getOrDefault(gateway, 0);
        if (named > 0 && named + naming > connectionsPerPush) {
            records.add(PushBatch.newBuilder());
            named = 0;
        }
        namedInLast.put(gateway, named + naming);
        return records.get(records.size() - 1);
    }
}
