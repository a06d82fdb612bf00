package io.parley.session.presence;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

/** Redis did not answer in time; callers see UNAVAILABLE and may retry. */
final class PresenceUnavailableException extends ParleyException {
    PresenceUnavailableException(Throwable cause) {
        super(ErrorCode.UNAVAILABLE, "presence store unavailable: " + cause);
    }
}
