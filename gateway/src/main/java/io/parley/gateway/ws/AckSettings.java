package io.parley.gateway.ws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long a sender waits for its {@code ack}.
 *
 * @param ackTimeout a send that Kafka took but that got neither {@code ack} nor {@code error}
 *                   from logic within this time is answered with a 9002 {@code error} frame
 *                   naming its {@code clientMsgId}; the client retries with the same id
 */
@ConfigurationProperties("im.gateway.ws")
public record AckSettings(@Bindable(defaultValue = "5s") Duration ackTimeout) {
}
