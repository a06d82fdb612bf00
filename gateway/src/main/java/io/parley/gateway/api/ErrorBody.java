package io.parley.gateway.api;

import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.error.ErrorCode;

/** Every HTTP error body: {@code {"code": 3001, "message": "..."}}. */
@Serdeable
public record ErrorBody(int code, String message) {
    public static ErrorBody of(ErrorCode error, String message) {
        return new ErrorBody(error.code(), message);
    }
}
