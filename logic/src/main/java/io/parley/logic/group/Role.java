package io.parley.logic.group;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import java.util.Locale;

/** A member's role; written lowercase on the wire and in MySQL. */
public enum Role {
    OWNER, ADMIN, MEMBER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Owner or admin: may manage members, applications and the profile. */
    public boolean manages() {
        return this != MEMBER;
    }

    public static Role of(String wire) {
        for (Role r : values()) {
            if (r.wire().equals(wire)) {
                return r;
            }
        }
        throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                "role must be owner, admin or member");
    }
}
