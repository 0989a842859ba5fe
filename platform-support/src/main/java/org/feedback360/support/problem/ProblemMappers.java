package org.feedback360.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The single place where any exception becomes an HTTP answer, so every service speaks
 * RFC 9457 {@code application/problem+json} and never leaks a stack trace or class name.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", fieldOf(v), "message", v.getMessage()))
                .collect(Collectors.toList());
        return Problem.of(400, "validation", "Bad Request", "The request is not valid")
                .with("errors", errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return Problem.of(400, "unknown-field", "Bad Request",
                        "Unknown field '" + e.getPropertyName() + "'")
                .with("field", jsonPath(e))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        return Problem.of(400, "invalid-value", "Bad Request",
                        "Field '" + jsonPath(e) + "' has a value of the wrong type or format")
                .with("field", jsonPath(e))
                .toResponse();
    }

    /** Quarkus maps this one itself (an empty 400) unless the application does. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String path = jsonPath(e);
        if (path.isEmpty()) {
            return Problem.of(400, "unreadable-body", "Bad Request", "The request body does not have the expected shape")
                    .toResponse();
        }
        return Problem.of(400, "invalid-value", "Bad Request", "Field '" + path + "' has a value of the wrong type")
                .with("field", path)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e) {
        String path = jsonPath(e);
        String detail = path.isEmpty() ? "The request body does not have the expected shape"
                : "Field '" + path + "' could not be read";
        return Problem.of(400, "unreadable-body", "Bad Request", detail).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return Problem.of(400, "malformed-json", "Bad Request", "The request body is not valid JSON")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Forbidden", "You are not allowed to do this").toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // The JSON reader reports some body errors wrapped in a plain 400.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatchedInput(mismatch);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadableJson(mapping);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e);
        }
        // Framework-raised errors (unknown path, wrong method or media type) carry no
        // detail worth showing, and their message may name internal classes.
        return Problem.of(status, slug(status), detailFor(status.getStatusCode())).toResponse();
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        if (StoreOutage.isCause(e)) {
            // The database is restarting or unreachable: nothing was written, and the client may
            // retry shortly. That is a 503, not a bug.
            LOG.warnf("Database unavailable: %s", e.getMessage());
            Response r = Problem.of(503, "store-unavailable", "Service Unavailable",
                    "The service cannot reach its database right now; nothing was changed. Try again shortly").toResponse();
            return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return Problem.of(500, "internal", "Internal Server Error",
                        "An unexpected error occurred; quote error id " + errorId + " when reporting it")
                .with("errorId", errorId)
                .toResponse();
    }

    private static Response unauthorized() {
        Response r = Problem.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required").toResponse();
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static String slug(Response.StatusType status) {
        return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource exists at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation is available";
            case 415 -> "This media type is not supported here";
            default -> "The request could not be processed";
        };
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // Paths look like "create.request.email": drop the method and parameter names.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
