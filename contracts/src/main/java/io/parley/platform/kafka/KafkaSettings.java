package io.parley.platform.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * Kafka connection and naming, the same for every service. Every topic and consumer group name
 * starts with {@code namespace}, so two deployments (a dev system and a test run) can share one
 * broker without seeing each other.
 *
 * @param namespace   prefix of topics and groups: {@code <ns>.upstream}, {@code <ns>.push.<gw>},
 *                    {@code <ns>.tasks}, {@code <ns>.presence}
 * @param partitions  partitions of the topics this project creates
 * @param pollTimeout longest a consumer waits in one poll (also bounds how long shutdown waits)
 * @param sendTimeout longest a produce may take before it is reported failed
 * @param consumerConcurrency partitions a consumer handles in parallel
 * @param sessionTimeout how long a crashed consumer keeps its partitions before the group
 *                       hands them to another instance (6 s: the broker's minimum; the
 *                       heartbeat is a third of it)
 * @param commitInterval how often a consumer commits the offsets it has handled (asynchronously;
 *                       a crash re-delivers at most this much, which handlers de-duplicate)
 * @param maxAttempts    tries of a record that keeps failing (not for a transient reason) before
 *                       it goes to {@code <ns>.dead-letter}
 * @param replicationFactor replicas of the topics this project creates (1 on one broker)
 * @param fetchMaxWait   longest the broker holds a consumer's fetch when it has nothing new
 *                       ({@code fetch.max.wait.ms}; Kafka's default, 500 ms). New records end
 *                       the wait at once (the broker answers as soon as {@code fetchMinBytes}
 *                       are there), so on a busy partition this costs no latency; it sets how
 *                       often an idle consumer's empty fetch comes back (20 ms cost the idle
 *                       system a fifth of a core, docs/performance.md, issue #10). It delays a
 *                       partition only while that partition is out of the fetch in flight: a
 *                       backlog of {@link EnvelopeConsumer#MAX_POLL_RECORDS} paused it, a
 *                       failed batch moved it back, or it was just assigned
 * @param linger         how long the producer holds a record for others to the same partition
 *                       ({@code linger.ms}): a batch's acks and pushes, and the sends of one
 *                       gateway arriving close together, then share one produce request
 * @param fetchMinBytes  bytes the broker gathers before it answers a consumer's fetch
 *                       ({@code fetch.min.bytes}), waiting at most {@code fetchMaxWait}; 1
 *                       answers at once with whatever is new (docs/performance.md, issue #10)
 */
@ConfigurationProperties("im.kafka")
public record KafkaSettings(
        @Bindable(defaultValue = "127.0.0.1:9092") @NotBlank String bootstrapServers,
        @Bindable(defaultValue = "im") @Pattern(regexp = "[A-Za-z0-9._-]{1,60}") String namespace,
        @Bindable(defaultValue = "8") @Positive int partitions,
        @Bindable(defaultValue = "500ms") Duration pollTimeout,
        @Bindable(defaultValue = "10s") Duration sendTimeout,
        @Bindable(defaultValue = "8") @Positive int consumerConcurrency,
        @Bindable(defaultValue = "6s") Duration sessionTimeout,
        @Bindable(defaultValue = "200ms") Duration commitInterval,
        @Bindable(defaultValue = "5") @Positive int maxAttempts,
        @Bindable(defaultValue = "1") @Positive short replicationFactor,
        @Bindable(defaultValue = "500ms") Duration fetchMaxWait,
        @Bindable(defaultValue = "1ms") Duration linger,
        @Bindable(defaultValue = "1") @Positive int fetchMinBytes) {

    /** Client sends, keyed by conversation id, consumed by logic. */
    public String upstreamTopic() {
        return namespace + ".upstream";
    }

    /** What one gateway writes to its sockets. */
    public String pushTopic(String gatewayId) {
        return namespace + ".push." + gatewayId;
    }

    /**
     * Large groups' messages and every group's membership changes, keyed by conversation id,
     * read by every gateway (each in its own group) into its room index.
     */
    public String roomsTopic() {
        return namespace + ".rooms";
    }

    /** Users coming online and going offline, from session to logic, keyed by user id. */
    public String presenceTopic() {
        return namespace + ".presence";
    }

    /** Side work for the job service. */
    public String taskTopic() {
        return namespace + ".tasks";
    }

    /** Records that kept failing, with headers naming where they came from and why. */
    public String deadLetterTopic() {
        return namespace + ".dead-letter";
    }

    /** The consumer group of a role, e.g. {@code logic} or {@code gateway.gw-1}. */
    public String group(String role) {
        return namespace + "." + role;
    }
}
