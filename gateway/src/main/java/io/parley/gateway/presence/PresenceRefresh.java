package io.parley.gateway.presence;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.parley.gateway.ws.Connections;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reports every open socket to session on {@link RefreshSchedule}, starting one interval
 * after the server started, so that each presence entry outlives its TTL exactly as long as
 * its socket does. Sockets this gateway is closing are left out ({@code isOpen}).
 */
@Singleton
final class PresenceRefresh implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceRefresh.class);

    private final PresenceReporter reporter;
    private final Connections connections;
    private final RefreshSchedule schedule;
    private final TaskScheduler scheduler;

    PresenceRefresh(PresenceReporter reporter, Connections connections, RefreshSchedule schedule,
                    @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.reporter = reporter;
        this.connections = connections;
        this.schedule = schedule;
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        scheduler.scheduleWithFixedDelay(schedule.firstAfter(), schedule.interval(), this::refresh);
    }

    private void refresh() {
        try {
            if (connections.size() > 0) {
                reporter.heartbeat(connections.all());
            }
        } catch (RuntimeException e) {
            // thrown on, it would end the fixed-delay schedule for good
            LOG.warn("presence refresh failed: {}", e.toString());
        }
    }
}
