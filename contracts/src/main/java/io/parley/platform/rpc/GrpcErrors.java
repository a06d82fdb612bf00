package io.parley.platform.rpc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The gRPC side of the error model: a {@link ParleyException} travels as a status whose trailer
 * carries the numeric {@link ErrorCode}, and turns back into the same exception at the caller.
 */
public final class GrpcErrors {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);
    static final Metadata.Key<String> ERROR_CODE =
            Metadata.Key.of("parley-error-code", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcErrors() {
    }

    /** Runs a unary call's body and answers with its result or its mapped error. */
    public static <T> void respond(StreamObserver<T> observer, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            observer.onError(toStatus(e));
            return;
        }
        observer.onNext(result);
        observer.onCompleted();
    }

    static StatusRuntimeException toStatus(Throwable t) {
        ErrorCode error;
        String message;
        if (t instanceof ParleyException p) {
            error = p.error();
            message = p.getMessage();
        } else {
            LOG.error("unexpected failure in gRPC call", t);
            error = ErrorCode.INTERNAL;
            message = error.defaultMessage();
        }
        Metadata trailers = new Metadata();
        trailers.put(ERROR_CODE, Integer.toString(error.code()));
        return statusOf(error).withDescription(message).asRuntimeException(trailers);
    }

    /** The caller's view of a failed call. Transport failures become {@code UNAVAILABLE}. */
    public static ParleyException toParley(StatusRuntimeException e) {
        Metadata trailers = e.getTrailers();
        String code = trailers == null ? null : trailers.get(ERROR_CODE);
        if (code != null) {
            return new ParleyException(ErrorCode.ofCode(Integer.parseInt(code)),
                    e.getStatus().getDescription());
        }
        return new ParleyException(ErrorCode.UNAVAILABLE,
                "service call failed: " + e.getStatus().getCode());
    }

    private static Status statusOf(ErrorCode error) {
        return switch (error.httpStatus()) {
            case 400, 413 -> Status.INVALID_ARGUMENT;
            case 401 -> Status.UNAUTHENTICATED;
            case 403 -> Status.PERMISSION_DENIED;
            case 404 -> Status.NOT_FOUND;
            case 409 -> Status.ALREADY_EXISTS;
            case 429 -> Status.RESOURCE_EXHAUSTED;
            case 503 -> Status.UNAVAILABLE;
            default -> Status.INTERNAL;
        };
    }
}
