package io.parley.gateway.locate;

import io.parley.platform.discovery.ServiceInstance;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayLocatorTest {
    private static ServiceInstance gw(String id, int load) {
        return new ServiceInstance("gateway", id, "127.0.0.1", 8080, 0, "t", load);
    }

    @Test
    void prefersTheGatewayWithFewestSockets() {
        List<ServiceInstance> all = List.of(gw("a", 30), gw("b", 2), gw("c", 9));
        assertEquals("b", GatewayLocator.pick(all, null).orElseThrow().instanceId());
        assertEquals("c", GatewayLocator.pick(all, "b").orElseThrow().instanceId());
        assertTrue(GatewayLocator.pick(List.of(gw("a", 0)), "a").isEmpty());
    }

    @Test
    void spreadsClientsOverEquallyLoadedGateways() {
        List<ServiceInstance> all = List.of(gw("a", 1), gw("b", 1), gw("c", 5));
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            chosen.add(GatewayLocator.pick(all, null).orElseThrow().instanceId());
        }
        assertEquals(Set.of("a", "b"), chosen);
    }

    @Test
    void behindABalancerEveryAddressIsTheBalancers() {
        GatewayLocator behind = new GatewayLocator(null, java.util.Optional.empty(),
                new LocateSettings("wss://chat.example.com/ws"));
        GatewayAddress a = behind.publicAddress(gw("a", 3), false);
        assertEquals("wss://chat.example.com/ws", a.url());
        assertEquals("a", a.gatewayId());
        GatewayLocator direct = new GatewayLocator(null, java.util.Optional.empty(),
                new LocateSettings(null));
        assertEquals("wss://127.0.0.1:8080/ws", direct.publicAddress(gw("a", 3), true).url());
    }

    @Test
    void addressFollowsTheRequestScheme() {
        assertEquals("ws://127.0.0.1:8080/ws", GatewayLocator.address(gw("a", 3), false).url());
        assertEquals("wss://127.0.0.1:8080/ws", GatewayLocator.address(gw("a", 3), true).url());
    }
}
