package io.parley.job.task;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param maxDelay a task due further ahead than this runs after this long instead; it bounds how
 *                 long one task can hold up the tasks behind it on its partition
 */
@ConfigurationProperties("im.job.tasks")
public record TaskSettings(@Bindable(defaultValue = "30s") Duration maxDelay) {
}
