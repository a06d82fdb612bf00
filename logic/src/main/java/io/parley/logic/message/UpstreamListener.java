package io.parley.logic.message;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.ChatSend;
import io.parley.contracts.proto.Envelope;
import io.parley.logic.delivery.Fanout;
import io.parley.platform.kafka.EnvelopeListener;
import io.parley.platform.kafka.DeadLetters;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.TopicProvisioner;
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
public final class UpstreamListener extends EnvelopeListener {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamListener.class);

    private final MessageService messages;
    private final Fanout fanout;

    UpstreamListener(MessageService messages, Fanout fanout, KafkaSettings kafka,
                     TopicProvisioner topics, DeadLetters deadLetters) {
        super(kafka, topics, deadLetters, "logic");
        this.messages = messages;
        this.fanout = fanout;
    }

    @Override
    protected List<String> topics(KafkaSettings kafka) {
        return List.of(kafka.upstreamTopic());
    }

    @Override
    protected List<String> producedTopics(KafkaSettings kafka) {
        return List.of(kafka.taskTopic());
    }

    @Override
    public void handle(String key, Envelope envelope) {
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
}
