package io.parley.logic.delivery;

import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.Envelope;
import io.parley.logic.message.Message;

import java.util.List;

/**
 * One upstream send of a batch, decided: stored ({@code message} and its {@code audience}) or
 * refused ({@code refusal}).
 */
public record Sent(Envelope upstream, Message message, List<Long> audience,
                   ParleyException refusal) {
    public Sent {
        audience = List.copyOf(audience);
        if ((message == null) == (refusal == null)) {
            throw new IllegalArgumentException("exactly one of message and refusal");
        }
    }
}
