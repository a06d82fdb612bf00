package io.parley.gateway.api;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.codec.CodecException;
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
        return respond(ErrorCode.BAD_REQUEST, "the body is not valid JSON");
    }

    @Error(global = true, exception = JsonSyntaxException.class)
    HttpResponse<ErrorBody> malformed(HttpRequest<?> request, JsonSyntaxException e) {
        return respond(ErrorCode.BAD_REQUEST, "the body is not valid JSON");
    }

    @Error(global = true, exception = AuthorizationException.class)
    HttpResponse<ErrorBody> rejected(HttpRequest<?> request, AuthorizationException e) {
        return e.isForbidden()
                ? respond(ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN.defaultMessage())
                : respond(ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.defaultMessage());
    }

    @Error(global = true, exception = ConversionErrorException.class)
    HttpResponse<ErrorBody> unconvertible(HttpRequest<?> request, ConversionErrorException e) {
        return respond(ErrorCode.BAD_REQUEST, e.getMessage());
    }

    @Error(global = true, exception = UnsatisfiedRouteException.class)
    HttpResponse<ErrorBody> missing(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return respond(ErrorCode.BAD_REQUEST, e.getMessage());
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    HttpResponse<ErrorBody> notFound(HttpRequest<?> request) {
        return respond(ErrorCode.ROUTE_NOT_FOUND, "no such endpoint: " + request.getPath());
    }

    @Error(global = true, exception = Exception.class)
    HttpResponse<ErrorBody> unexpected(HttpRequest<?> request, Exception e) {
        LOG.error("unexpected failure on {} {}", request.getMethod(), request.getPath(), e);
        return respond(ErrorCode.INTERNAL, ErrorCode.INTERNAL.defaultMessage());
    }

    static HttpResponse<ErrorBody> respond(ErrorCode error, String message) {
        return HttpResponse.<ErrorBody>status(HttpStatus.valueOf(error.httpStatus()))
                .body(ErrorBody.of(error, message));
    }
}
