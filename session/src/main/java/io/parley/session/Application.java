package io.parley.session;

import io.micronaut.runtime.Micronaut;

/** The session service: presence over gRPC, state in Redis. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
