package io.parley.gateway.drain;

import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (and SIGINT) drain the gateway before anything stops. Micronaut's own shutdown hook
 * stops the Netty server first, which closes every WebSocket channel at once (no close frame,
 * no {@code reconnect}); so the signal is taken here instead, the drain runs while everything
 * still works, and only then {@code System.exit} runs the usual hooks (server, consumers,
 * lease, producer).
 */
public final class DrainOnSignal {
    private static final Logger LOG = LoggerFactory.getLogger(DrainOnSignal.class);

    private DrainOnSignal() {
    }

    public static void install(ApplicationContext context) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                Thread t = new Thread(() -> drainThenExit(context, name), "drain-on-sig" + name);
                t.start();
            });
        }
    }

    private static void drainThenExit(ApplicationContext context, String signal) {
        LOG.info("SIG{}: draining before shutdown", signal);
        try {
            context.findBean(GatewayDrain.class).ifPresent(drain -> {
                try {
                    drain.drain();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("drain failed, stopping anyway: {}", e.toString());
        } finally {
            System.exit(0);
        }
    }
}
