package io.parley.gateway.api;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.exceptions.UriSyntaxException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place HTTP errors are written: every failure becomes its status with
 * {@code {code, message}}, including the ones Micronaut raises itself (bad JSON, missing
 * parameters, unknown routes, missing or invalid tokens).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
final class HttpErrors {
    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    @Error(global = true, exception = ParleyException.class)
    HttpResponse<ErrorBody> domain(HttpRequest<?> request, ParleyException e) {
        return respond(e.error(), e.getMessage());
    }

    @Error(global = true, exception = ConstraintViolationException.class)
    HttpResponse<ErrorBody> invalid(HttpRequest<?> request, ConstraintViolationException e) {
        return respond(ErrorCode.VALIDATION_FAILED, e.getMessage());
    }

    @Error(global = true, exception = CodecException.class)
    HttpResponse<ErrorBody> unreadable(HttpRequest<?> request, CodecException e) {
        return refusedWhileReading(e, "the body is not valid JSON");
    }

    @Error(global = true, exception = JsonSyntaxException.class)
    HttpResponse<ErrorBody> malformed(HttpRequest<?> request, JsonSyntaxException e) {
        return refusedWhileReading(e, "the body is not valid JSON");
    }

    /**
     * A body that could not be read: a field of the wrong JSON type that {@link StrictScalars}
     * refused inside the reader is its own 1001; anything else is 1000 with {@code otherwise}.
     */
    private static HttpResponse<ErrorBody> refusedWhileReading(Throwable e, String otherwise) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParleyException p) {
                return respond(p.error(), p.getMessage());
            }
        }
        return respond(ErrorCode.BAD_REQUEST, otherwise);
    }

    @Error(global = true, exception = AuthorizationException.class)
    HttpResponse<ErrorBody> rejected(HttpRequest<?> request, AuthorizationException e) {
        return e.isForbidden()
                ? respond(ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN.defaultMessage())
                : respond(ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.defaultMessage());
    }

    @Error(global = true, exception = ConversionErrorException.class)
    HttpResponse<ErrorBody> unconvertible(HttpRequest<?> request, ConversionErrorException e) {
        return refusedWhileReading(e, e.getMessage());
    }

    @Error(global = true, exception = UnsatisfiedRouteException.class)
    HttpResponse<ErrorBody> missing(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return respond(ErrorCode.BAD_REQUEST, e.getMessage());
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    HttpResponse<ErrorBody> notFound(HttpRequest<?> request) {
        ErrorCode unreadable = RequestShape.unreadable(request, null);
        if (unreadable != null) {
            return refused(request, unreadable, unreadable.defaultMessage());
        }
        return respond(ErrorCode.ROUTE_NOT_FOUND, "no such endpoint: " + request.getPath());
    }

    /** Micronaut's own refusals: wrong method (405), media type (415), accept header (406). */
    @Error(global = true, exception = HttpStatusException.class)
    HttpResponse<ErrorBody> refusedByServer(HttpRequest<?> request, HttpStatusException e) {
        ErrorCode error = switch (e.getStatus()) {
            case METHOD_NOT_ALLOWED -> ErrorCode.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> ErrorCode.NOT_ACCEPTABLE;
            case NOT_FOUND -> ErrorCode.ROUTE_NOT_FOUND;
            case REQUEST_ENTITY_TOO_LARGE -> ErrorCode.BODY_TOO_LARGE;
            case REQUEST_URI_TOO_LONG -> ErrorCode.URL_TOO_LONG;
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> ErrorCode.HEADERS_TOO_LARGE;
            default -> e.getStatus().getCode() < 500 ? ErrorCode.BAD_REQUEST : null;
        };
        if (error == null) {
            return unexpected(request, e);
        }
        return refused(request, error, error.defaultMessage());
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    HttpResponse<ErrorBody> wrongMethod(HttpRequest<?> request) {
        return refused(request, ErrorCode.METHOD_NOT_ALLOWED,
                ErrorCode.METHOD_NOT_ALLOWED.defaultMessage());
    }

    @Error(global = true, status = HttpStatus.REQUEST_URI_TOO_LONG)
    HttpResponse<ErrorBody> urlTooLong(HttpRequest<?> request) {
        return refused(request, ErrorCode.URL_TOO_LONG, ErrorCode.URL_TOO_LONG.defaultMessage());
    }

    @Error(global = true, status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
    HttpResponse<ErrorBody> headersTooLarge(HttpRequest<?> request) {
        return refused(request, ErrorCode.HEADERS_TOO_LARGE,
                ErrorCode.HEADERS_TOO_LARGE.defaultMessage());
    }

    @Error(global = true, status = HttpStatus.REQUEST_ENTITY_TOO_LARGE)
    HttpResponse<ErrorBody> bodyTooLargeStatus(HttpRequest<?> request) {
        return refused(request, ErrorCode.BODY_TOO_LARGE, ErrorCode.BODY_TOO_LARGE.defaultMessage());
    }

    @Error(global = true, exception = ContentLengthExceededException.class)
    HttpResponse<ErrorBody> bodyTooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
        return refused(request, ErrorCode.BODY_TOO_LARGE, ErrorCode.BODY_TOO_LARGE.defaultMessage());
    }

    @Error(global = true, exception = BufferLengthExceededException.class)
    HttpResponse<ErrorBody> bufferTooLarge(HttpRequest<?> request, BufferLengthExceededException e) {
        return refused(request, ErrorCode.BODY_TOO_LARGE, ErrorCode.BODY_TOO_LARGE.defaultMessage());
    }

    @Error(global = true, exception = UriSyntaxException.class)
    HttpResponse<ErrorBody> badUri(HttpRequest<?> request, UriSyntaxException e) {
        return refused(request, ErrorCode.MALFORMED_URL, ErrorCode.MALFORMED_URL.defaultMessage());
    }

    /**
     * A fault of this server, logged at ERROR with its stack trace, unless the request itself
     * cannot be read (a malformed %-escape, undecodable header bytes): that is the client's.
     */
    @Error(global = true, exception = Exception.class)
    HttpResponse<ErrorBody> unexpected(HttpRequest<?> request, Exception e) {
        ErrorCode unreadable = RequestShape.unreadable(request, e);
        if (unreadable != null) {
            return refused(request, unreadable, unreadable.defaultMessage());
        }
        LOG.error("unexpected failure on {} {}", request.getMethodName(),
                RequestShape.pathForLog(request), e);
        return respond(ErrorCode.INTERNAL, ErrorCode.INTERNAL.defaultMessage());
    }

    /** A client's mistake: one INFO line, no stack trace. */
    private static HttpResponse<ErrorBody> refused(HttpRequest<?> request, ErrorCode error,
                                                   String message) {
        LOG.info("refused {} {}: {} {}", request.getMethodName(), RequestShape.pathForLog(request),
                error.code(), message);
        return respond(error, message);
    }

    static HttpResponse<ErrorBody> respond(ErrorCode error, String message) {
        return HttpResponse.<ErrorBody>status(HttpStatus.valueOf(error.httpStatus()))
                .body(ErrorBody.of(error, message));
    }
}
