package io.parley.logic.message;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** @param recallWindow how long after sending its sender may recall a message */
@ConfigurationProperties("im.logic.message")
public record RecallSettings(@Bindable(defaultValue = "2m") Duration recallWindow) {
}
