package io.parley.gateway.typing;

import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.TypingFrame;
import io.parley.contracts.ids.ConversationIds;
import io.parley.gateway.ratelimit.TokenBuckets;
import io.parley.gateway.upstream.UpstreamPublisher;
import io.parley.gateway.ws.Connections;
import io.parley.gateway.ws.SocketConnection;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * A client's {@code typing} frame: a direct conversation must be the user's own (5004
 * otherwise, as an {@code error} frame without a clientMsgId); frames over the user's rate are
 * dropped without an answer (a client that types fast is not at fault, and an error per
 * keystroke would be noise). The rest goes upstream keyed by the conversation; logic checks
 * friendship or group membership and fans it out. A record Kafka does not take is dropped too:
 * the next keystroke sends another.
 */
@Singleton
public final class TypingRelay {
    private static final Logger LOG = LoggerFactory.getLogger(TypingRelay.class);

    private final TokenBuckets<Long> rate;
    private final UpstreamPublisher upstream;
    private final Connections connections;

    TypingRelay(TypingLimits limits, UpstreamPublisher upstream, Connections connections,
                Clock clock) {
        this.rate = new TokenBuckets<>(limits.perSecond(), limits.burst(), clock);
        this.upstream = upstream;
        this.connections = connections;
    }

    public void typing(SocketConnection from, TypingFrame frame) {
        if (!frame.isGroup() && !isMember(frame.conversationId(), from.userId())) {
            connections.send(from.connectionId(), ErrorFrame.of(
                    ErrorCode.NOT_CONVERSATION_MEMBER, "you are not in " + frame.conversationId(),
                    null));
            return;
        }
        if (!rate.tryAcquire(from.userId())) {
            return;
        }
        upstream.publishTyping(from, frame.conversationId()).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.debug("typing in {} not relayed: {}", frame.conversationId(), error.toString());
            }
        });
    }

    private static boolean isMember(String directId, long userId) {
        long[] members = ConversationIds.directMembers(directId);
        return members[0] == userId || members[1] == userId;
    }

    @Scheduled(fixedDelay = "60s", initialDelay = "60s")
    void forgetIdle() {
        rate.forgetIdle();
    }
}
