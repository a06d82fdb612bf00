package io.parley.gateway;

import io.micronaut.runtime.Micronaut;

/** The gateway: browser WebSockets, the HTTP API (BFF) and the web client. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
