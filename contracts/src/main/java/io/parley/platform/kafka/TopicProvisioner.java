package io.parley.platform.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service owns (logic: upstream and tasks; a gateway: its push topic) when
 * they are absent, and answers readiness checks against the broker.
 */
@Singleton
public final class TopicProvisioner {
    private final Admin admin;
    private final KafkaSettings settings;

    TopicProvisioner(KafkaSettings settings) {
        this.settings = settings;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    public void ensure(String topic) {
        try {
            admin.createTopics(java.util.List.of(new NewTopic(topic, settings.partitions(),
                    settings.replicationFactor()))).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer creating topic " + topic, e);
        }
    }

    /** True when the broker answers within {@code timeout}. */
    public boolean brokerReachable(Duration timeout) {
        try {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(3));
    }
}
