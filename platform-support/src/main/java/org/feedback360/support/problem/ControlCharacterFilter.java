package org.feedback360.support.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.feedback360.support.text.ControlCharacters;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses paths and query parameters that decode to control characters (such as {@code %00})
 * before any resource sees them: no id, key or filter of this platform contains one, and the
 * database would fail on a NUL rather than answer "not found".
 */
public class ControlCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseControlCharacters(ContainerRequestContext request) {
        if (hasControlCharacter(request.getUriInfo().getPath(true))
                || hasControlCharacter(request.getUriInfo().getQueryParameters(true))) {
            return Optional.of(Problem.of(400, "invalid-characters", "Bad Request",
                    "The path or query contains control characters").toResponse());
        }
        return Optional.empty();
    }

    private static boolean hasControlCharacter(MultivaluedMap<String, String> params) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (hasControlCharacter(e.getKey()) || e.getValue().stream().anyMatch(ControlCharacterFilter::hasControlCharacter)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasControlCharacter(String s) {
        return ControlCharacters.anyIn(s);
    }
}
