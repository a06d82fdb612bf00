package io.parley.logic.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Account input rules.
 *
 * @param bcryptCost log2 rounds of bcrypt; 10 takes ~60 ms on these machines
 */
@ConfigurationProperties("im.logic.account")
public record AccountLimits(
        @Bindable(defaultValue = "8") @Min(6) int minPasswordLength,
        @Bindable(defaultValue = "72") @Max(72) int maxPasswordLength,
        @Bindable(defaultValue = "64") int maxDisplayNameLength,
        @Bindable(defaultValue = "10") @Min(4) @Max(16) int bcryptCost) {

    /** The display name to store (stripped), or VALIDATION_FAILED. */
    String displayName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > maxDisplayNameLength) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                    "displayName must be 1-" + maxDisplayNameLength + " characters");
        }
        return name;
    }
}
