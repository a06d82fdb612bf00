package io.parley.infra.e2e;

import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One message, one trace: the sender's gateway starts it at the socket, logic continues it from
 * the upstream record, the recipient's gateway from its push record. The services export to a
 * collector in this test, as they would to Zipkin.
 */
@ExtendWith(ClusterExtension.class)
class TracingIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aMessageMakesOneTraceWithSpansOfGatewayLogicAndTheRecipientsGateway(Cluster cluster)
            throws Exception {
        try (ZipkinCollector zipkin = new ZipkinCollector()) {
            Map<String, String> traced = Map.of("im.tracing.zipkin-url", zipkin.url(),
                    "im.tracing.export-delay", "200ms");
            cluster.startLogic("logic-traced", traced);
            cluster.logic().kill(); // every upstream record is now handled by the traced logic
            ServiceProcess senderSide = cluster.startGateway("gateway-traced-a", traced);
            ServiceProcess recipientSide = cluster.startGateway("gateway-traced-b", traced);
            try (senderSide; recipientSide) { // later tests must not be sent to these gateways
                traceOneMessage(cluster, zipkin, senderSide, recipientSide);
            }
        }
    }

    private static void traceOneMessage(Cluster cluster, ZipkinCollector zipkin,
                                        ServiceProcess senderSide, ServiceProcess recipientSide)
            throws Exception {
        ApiClient api = new ApiClient(senderSide.http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        ApiClient.Session bob = Users.signUp(api, "Bob");
        DirectChatIT.Inbox inbox = new DirectChatIT.Inbox();
        String id = UUID.randomUUID().toString();
        try (ChatClient a = ChatClient.connect(senderSide.http(), alice.token(), "a", f -> { });
             ChatClient b = ChatClient.connect(recipientSide.http(), bob.token(), "b", inbox)) {
            a.send(new SendFrame(id, bob.userId(), null, "traced"));
            a.await(f -> f instanceof AckFrame ack && ack.clientMsgId().equals(id), WAIT);
            await().atMost(WAIT).until(() -> inbox.messages.stream()
                    .map(MessageFrame::clientMsgId).anyMatch(id::equals));
        }

        String pushTopic = ".push." + cluster.namespace() + "-gateway-traced-b";
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<Map<String, Object>> trace = traceOf(zipkin, id);
            return has(trace, "gateway", "ws send")
                    && has(trace, "logic", "consume " + cluster.namespace() + ".upstream")
                    && trace.stream().anyMatch(s -> "gateway".equals(service(s))
                    && String.valueOf(s.get("name")).endsWith(pushTopic));
        });
        List<Map<String, Object>> trace = traceOf(zipkin, id);
        Map<String, Object> root = trace.stream().filter(s -> s.get("parentId") == null)
                .findFirst().orElseThrow();
        assertEquals("ws send", root.get("name"), "the trace starts at the sender's socket");
        assertTrue(trace.stream().filter(s -> s != root)
                .allMatch(s -> s.get("parentId") != null), "one root: " + trace);
    }

    /** Every span of the trace whose {@code ws send} span names this clientMsgId. */
    private static List<Map<String, Object>> traceOf(ZipkinCollector zipkin, String clientMsgId) {
        List<Map<String, Object>> spans = zipkin.spans();
        String traceId = spans.stream().filter(s -> clientMsgId.equals(tags(s)
                        .get("parley.client_msg_id"))).map(s -> (String) s.get("traceId"))
                .filter(Objects::nonNull).findFirst().orElse(null);
        return traceId == null ? List.of()
                : spans.stream().filter(s -> traceId.equals(s.get("traceId"))).toList();
    }

    private static boolean has(List<Map<String, Object>> trace, String service, String name) {
        return trace.stream().anyMatch(s -> service.equals(service(s))
                && name.equals(s.get("name")));
    }

    @SuppressWarnings("unchecked")
    private static String service(Map<String, Object> span) {
        Object endpoint = span.get("localEndpoint");
        return endpoint instanceof Map<?, ?> m ? (String) ((Map<String, Object>) m)
                .get("serviceName") : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tags(Map<String, Object> span) {
        Object tags = span.get("tags");
        return tags instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
