package io.parley.logic.message;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.ChatSend;
import io.parley.contracts.proto.Envelope;
import io.parley.logic.delivery.Fanout;
import io.parley.platform.kafka.ConsumerStatus;
import io.parley.platform.kafka.EnvelopeConsumer;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.TopicProvisioner;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Consumes {@code im.upstream} in the consumer group {@code logic}: persist first, then ack the
 * sender, then fan out. Records are keyed by conversation, so one conversation is handled by one
 * instance at a time, in order. A failure before the fan-out completes rewinds the record; the
 * retry finds the message already stored and only acks and pushes again (clients de-duplicate by
 * message id). A send that can never succeed is answered with a failure instead.
 */
@Singleton
public final class UpstreamListener implements ApplicationEventListener<ServerStartupEvent>,
        ConsumerStatus {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamListener.class);

    private final MessageService messages;
    private final Fanout fanout;
    private final KafkaSettings kafka;
    private final TopicProvisioner topics;
    private volatile EnvelopeConsumer consumer;

    UpstreamListener(MessageService messages, Fanout fanout, KafkaSettings kafka,
                     TopicProvisioner topics) {
        this.messages = messages;
        this.fanout = fanout;
        this.kafka = kafka;
        this.topics = topics;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        topics.ensure(kafka.upstreamTopic());
        topics.ensure(kafka.taskTopic());
        consumer = new EnvelopeConsumer(kafka, kafka.group("logic"), List.of(kafka.upstreamTopic()),
                this::handle).start();
    }

    @Override
    public String consumerName() {
        return "upstream";
    }

    @Override
    public boolean isConsuming() {
        EnvelopeConsumer c = consumer;
        return c != null && c.isRunning();
    }

    void handle(String key, Envelope envelope) {
        if (!envelope.hasChatSend()) {
            LOG.warn("ignoring upstream record {} without a chat_send", envelope.getEnvelopeId());
            return;
        }
        ChatSend send = envelope.getChatSend();
        Persisted persisted;
        try {
            persisted = send.getGroupId() != 0
                    ? messages.persistGroup(envelope.getSenderId(), send.getGroupId(),
                            send.getClientMsgId(), send.getText())
                    : messages.persistDirect(envelope.getSenderId(), send.getRecipientId(),
                            send.getClientMsgId(), send.getText());
        } catch (ParleyException e) {
            if (e.error() == ErrorCode.UNAVAILABLE || e.error() == ErrorCode.INTERNAL) {
                throw e;
            }
            fanout.refused(envelope, e);
            return;
        }
        fanout.stored(envelope, persisted.message(), persisted.audience());
    }

    @PreDestroy
    void stop() {
        EnvelopeConsumer c = consumer;
        if (c != null) {
            c.close();
        }
    }
}
