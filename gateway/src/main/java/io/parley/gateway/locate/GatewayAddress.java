package io.parley.gateway.locate;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer of {@code GET /api/gateway}.
 *
 * @param gatewayId   the chosen gateway's instance id
 * @param url         its WebSocket address, without the token and device parameters
 * @param connections its open sockets when it last reported (every {@code im.etcd.load-interval})
 */
@Serdeable
public record GatewayAddress(String gatewayId, String url, int connections) {
}
