package io.parley.logic;

import io.micronaut.runtime.Micronaut;

/** The logic service: accounts, conversations, the message path's persistence and fan-out. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
