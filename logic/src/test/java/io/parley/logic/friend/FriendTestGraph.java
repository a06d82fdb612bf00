package io.parley.logic.friend;

import jakarta.inject.Singleton;

/** Lets tests of other features set up friendships and blocks the way users make them. */
@Singleton
public final class FriendTestGraph {
    private final FriendGraph graph;

    FriendTestGraph(FriendGraph graph) {
        this.graph = graph;
    }

    public void befriend(long a, long b) {
        graph.accept(b, graph.request(a, b, "").request().id());
    }

    public void block(long blocker, long blocked) {
        graph.block(blocker, blocked);
    }
}
