package io.parley.gateway.locate;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.platform.discovery.ServiceDirectory;
import io.parley.platform.discovery.ServiceInstance;
import io.parley.platform.discovery.ServiceRegistration;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses a gateway for a browser: among the gateways registered in etcd, the one with the fewest
 * open sockets, a tie broken at random so equal gateways share new clients. A draining gateway
 * has deregistered, so it is never chosen. With the registry not yet read, this gateway itself
 * (if it is registered). Behind one load balancer ({@code im.gateway.locate.public-url}) the
 * answer names the balancer's address, which then picks the gateway.
 */
@Singleton
public final class GatewayLocator {
    static final String SERVICE = "gateway";

    private final ServiceDirectory directory;
    private final Optional<ServiceRegistration> self;
    private final LocateSettings settings;

    GatewayLocator(ServiceDirectory directory, Optional<ServiceRegistration> self,
                   LocateSettings settings) {
        this.directory = directory;
        this.self = self;
        this.settings = settings;
    }

    /** The least loaded live gateway other than {@code excludedId} (null: any). */
    public Optional<ServiceInstance> leastLoaded(String excludedId) {
        Optional<ServiceInstance> registered = pick(directory.instances(SERVICE), excludedId);
        if (registered.isPresent()) {
            return registered;
        }
        return self.filter(ServiceRegistration::isRegistered)
                .map(ServiceRegistration::registered)
                .filter(g -> !g.instanceId().equals(excludedId));
    }

    static Optional<ServiceInstance> pick(List<ServiceInstance> gateways, String excludedId) {
        List<ServiceInstance> live = gateways.stream()
                .filter(g -> !g.instanceId().equals(excludedId))
                .toList();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        int fewest = live.stream().mapToInt(ServiceInstance::load).min().orElseThrow();
        List<ServiceInstance> best = live.stream().filter(g -> g.load() == fewest)
                .sorted(Comparator.comparing(ServiceInstance::instanceId)).toList();
        return Optional.of(best.get(ThreadLocalRandom.current().nextInt(best.size())));
    }

    /** The WebSocket address of the least loaded gateway, or 9002 when none is live. */
    public GatewayAddress choose(boolean secure) {
        ServiceInstance g = leastLoaded(null).orElseThrow(() -> new ParleyException(
                ErrorCode.UNAVAILABLE, "no gateway is registered"));
        return publicAddress(g, secure);
    }

    /**
     * Where a browser reaches gateway {@code g}: the balancer's address when
     * {@code im.gateway.locate.public-url} is set (browsers cannot reach pods; the balancer
     * picks a ready gateway), otherwise the gateway's own.
     */
    public GatewayAddress publicAddress(ServiceInstance g, boolean secure) {
        if (settings.publicUrl() != null) {
            return new GatewayAddress(g.instanceId(), settings.publicUrl(), g.load());
        }
        return address(g, secure);
    }

    public static GatewayAddress address(ServiceInstance g, boolean secure) {
        return new GatewayAddress(g.instanceId(),
                (secure ? "wss" : "ws") + "://" + g.host() + ":" + g.httpPort() + "/ws", g.load());
    }
}
