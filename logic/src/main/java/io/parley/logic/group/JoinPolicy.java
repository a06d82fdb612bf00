package io.parley.logic.group;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import java.util.Locale;

/**
 * How users get into a group: {@code open} (join at once), {@code approval} (an owner or admin
 * approves an application) or {@code invite} (only by invitation).
 */
public enum JoinPolicy {
    OPEN, APPROVAL, INVITE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JoinPolicy of(String wire) {
        for (JoinPolicy p : values()) {
            if (p.wire().equals(wire)) {
                return p;
            }
        }
        throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                "joinPolicy must be open, approval or invite");
    }
}
