package io.parley.job;

import io.micronaut.runtime.Micronaut;

/** The job service: side work from the task topic, never on the message path. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
