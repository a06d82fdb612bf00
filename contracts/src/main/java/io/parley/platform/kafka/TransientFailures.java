package io.parley.platform.kafka;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Which failures say "a dependency is away" (database, broker, a service) rather than "this
 * record is bad": those are retried with a capped backoff however long it takes and never send a
 * record to the dead-letter topic.
 */
final class TransientFailures {
    private TransientFailures() {
    }

    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
            if (t instanceof ParleyException p && p.error() == ErrorCode.UNAVAILABLE) {
                return true;
            }
            if (t instanceof StatusRuntimeException s
                    && (s.getStatus().getCode() == Status.Code.UNAVAILABLE
                    || s.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED)) {
                return true;
            }
        }
        return false;
    }
}
