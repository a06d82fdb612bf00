package io.parley.logic.message;

import io.parley.contracts.proto.ChatSend;
import io.parley.contracts.proto.Envelope;
import io.parley.logic.delivery.Fanout;
import io.parley.logic.delivery.Sent;
import io.parley.logic.typing.TypingRelay;
import io.parley.platform.kafka.DeadLetters;
import io.parley.platform.kafka.EnvelopeListener;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.Received;
import io.parley.platform.kafka.TopicProvisioner;
import io.parley.platform.metrics.Stage;
import io.parley.platform.tracing.RecordSpans;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code im.upstream} in the consumer group {@code logic}, a partition's poll at a time:
 * persist the whole batch first (one transaction), then ack the senders and fan out (one push
 * record per gateway). Records are keyed by conversation, so one conversation is handled by one
 * instance at a time, in order. A failure before the fan-out completes re-delivers the batch; the
 * retry finds the messages already stored and only acks and pushes again (clients de-duplicate by
 * message id). A send that can never succeed is answered with a failure instead. Typing
 * signals in the batch are relayed first; a failure to relay them is logged and does not fail
 * the batch ({@link TypingRelay}). Each send is timed from its gateway ingress to the batch's
 * start ({@code logic.started}), its commit ({@code logic.persisted}) and Kafka having its ack and
 * pushes ({@code logic.pushed}).
 */
@Singleton
public final class UpstreamListener extends EnvelopeListener {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamListener.class);

    private final MessageService messages;
    private final Fanout fanout;
    private final TypingRelay typing;
    private final Stage started = Stage.of("logic.started");
    private final Stage persisted = Stage.of("logic.persisted");
    private final Stage pushed = Stage.of("logic.pushed");

    UpstreamListener(MessageService messages, Fanout fanout, KafkaSettings kafka,
                     TopicProvisioner topics, DeadLetters deadLetters, TypingRelay typing) {
        super(kafka, topics, deadLetters, "logic");
        this.typing = typing;
        this.messages = messages;
        this.fanout = fanout;
    }

    @Override
    protected List<String> topics(KafkaSettings kafka) {
        return List.of(kafka.upstreamTopic());
    }

    @Override
    protected List<String> producedTopics(KafkaSettings kafka) {
        return List.of(kafka.taskTopic(), kafka.roomsTopic());
    }

    @Override
    public void handle(String key, Envelope envelope) {
        handle(List.of(new Received(key, envelope, "", -1, -1)));
    }

    @Override
    public void handle(List<Received> batch) {
        try (RecordSpans spans = RecordSpans.of(batch)) {
            try {
                decide(batch);
            } catch (RuntimeException e) {
                spans.failed(e);
                throw e;
            }
        }
    }

    private void decide(List<Received> batch) {
        List<Envelope> upstream = new ArrayList<>(batch.size());
        List<Send> sends = new ArrayList<>(batch.size());
        List<Envelope> typings = new ArrayList<>();
        for (Received r : batch) {
            Envelope e = r.envelope();
            if (e.hasTyping()) {
                typings.add(e);
                continue;
            }
            if (!e.hasChatSend()) {
                LOG.warn("ignoring upstream record {} without a chat_send", e.getEnvelopeId());
                continue;
            }
            ChatSend s = e.getChatSend();
            upstream.add(e);
            sends.add(new Send(e.getSenderId(), s.getGroupId() != 0 ? 0 : s.getRecipientId(),
                    s.getGroupId(), s.getClientMsgId(), s.getText(), s.getImageId()));
        }
        if (!typings.isEmpty()) {
            // first: a typing signal is older than the batch's messages it could precede, and
            // the client drops a member's indicator when their message arrives
            typing.relay(typings);
        }
        if (sends.isEmpty()) {
            return;
        }
        time(started, upstream);
        List<Outcome> outcomes = messages.persist(sends);
        time(persisted, upstream);
        List<Sent> decided = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            decided.add(o.persisted() == null
                    ? new Sent(upstream.get(i), null, List.of(), o.refusal(), null)
                    : new Sent(upstream.get(i), o.persisted().message(),
                    o.persisted().audience(), null, o.persisted().mutedMembers()));
        }
        fanout.sent(decided, "upstream-" + batch.get(0).partition());
        time(pushed, upstream);
    }

    private static void time(Stage stage, List<Envelope> sends) {
        long now = System.currentTimeMillis();
        for (Envelope e : sends) {
            stage.sinceMs(e.getIngressAtMs(), now);
        }
    }
}
