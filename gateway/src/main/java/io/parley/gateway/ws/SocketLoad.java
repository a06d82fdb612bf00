package io.parley.gateway.ws;

import io.parley.platform.discovery.InstanceLoad;
import jakarta.inject.Singleton;

/** This gateway's load in its registry entry: its open sockets. */
@Singleton
final class SocketLoad implements InstanceLoad {
    private final Connections connections;

    SocketLoad(Connections connections) {
        this.connections = connections;
    }

    @Override
    public int current() {
        return connections.size();
    }
}
