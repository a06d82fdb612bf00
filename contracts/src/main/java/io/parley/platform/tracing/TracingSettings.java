package io.parley.platform.tracing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import java.time.Duration;

/**
 * Where spans go.
 *
 * @param zipkinUrl   the span endpoint of a Zipkin-compatible server, for example
 *                    {@code http://127.0.0.1:9411/api/v2/spans}; unset: spans are made (trace ids
 *                    in logs, context carried) but not exported
 * @param sampleRatio share of new traces kept (a message continues its sender's decision)
 * @param exportDelay longest a finished span waits before it is sent
 */
@ConfigurationProperties("im.tracing")
public record TracingSettings(
        @Nullable String zipkinUrl,
        @Bindable(defaultValue = "1.0") @DecimalMin("0.0") @DecimalMax("1.0") double sampleRatio,
        @Bindable(defaultValue = "1s") Duration exportDelay) {
}
