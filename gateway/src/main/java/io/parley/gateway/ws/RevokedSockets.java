package io.parley.gateway.ws;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.parley.gateway.auth.TokenRevocations;
import jakarta.inject.Singleton;

/**
 * Closes, with 4401, this gateway's sockets of a token logged out on any gateway. A socket whose
 * connect raced the logout is caught by the re-check in {@link ChatSocket} instead.
 */
@Singleton
final class RevokedSockets implements ApplicationEventListener<ServerStartupEvent> {
    private final TokenRevocations revocations;
    private final Connections connections;

    RevokedSockets(TokenRevocations revocations, Connections connections) {
        this.revocations = revocations;
        this.connections = connections;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        revocations.onRevoked(tokenId -> connections.closeToken(tokenId, ChatSocket.UNAUTHORIZED));
    }
}
