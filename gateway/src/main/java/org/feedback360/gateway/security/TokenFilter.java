package org.feedback360.gateway.security;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.feedback360.gateway.filter.Exchange;
import org.feedback360.gateway.filter.GatewayFilter;
import org.feedback360.gateway.problem.Problems;

/**
 * The gateway's token check: every request to a path not configured as public needs a bearer
 * token that {@link TokenVerifier} accepts; otherwise 401 problem+json with a
 * {@code WWW-Authenticate} challenge (RFC 6750). A token seen before costs a hash and a cache
 * lookup; only a new one is verified.
 */
public final class TokenFilter implements GatewayFilter {

    private static final String BEARER = "Bearer ";
    /** Far above any Keycloak access token; refuses abuse before any hashing or parsing. */
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final TokenVerifier verifier;
    private final String challenge;
    private final String invalidChallenge;

    public TokenFilter(TokenVerifier verifier, String realm) {
        this.verifier = verifier;
        this.challenge = "Bearer realm=\"" + realm + "\"";
        this.invalidChallenge = challenge + ", error=\"invalid_token\"";
    }

    @Override
    public void filter(Exchange exchange) {
        if (exchange.isPublic()) {
            exchange.next();
            return;
        }
        String header = exchange.context().request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(exchange.context(), challenge, "A bearer token is required");
            return;
        }
        int from = BEARER.length();
        int to = header.length();
        while (from < to && header.charAt(from) == ' ') {
            from++;
        }
        while (to > from && header.charAt(to - 1) == ' ') {
            to--;
        }
        if (from == to || to - from > MAX_TOKEN_LENGTH) {
            refuse(exchange.context(), invalidChallenge, TokenVerifier.Refusal.MALFORMED.detail);
            return;
        }
        TokenHash hash = TokenHash.of(header, from, to);
        VerifiedToken known = verifier.cached(hash);
        if (known != null) {
            exchange.authenticated(known);
            exchange.next();
            return;
        }
        Context context = Vertx.currentContext();
        verifier.verify(header.substring(from, to), hash).onComplete(result -> {
            // A JWKS read completes on its own thread: continue on the request's event loop.
            if (context == null || Vertx.currentContext() == context) {
                proceed(exchange, result.result(), result.cause());
            } else {
                context.runOnContext(v -> proceed(exchange, result.result(), result.cause()));
            }
        });
    }

    private void proceed(Exchange exchange, VerifiedToken token, Throwable failure) {
        if (token != null) {
            exchange.authenticated(token);
            exchange.next();
            return;
        }
        String detail = failure instanceof TokenVerifier.TokenRefusedException refused
                ? refused.refusal.detail : TokenVerifier.Refusal.INVALID.detail;
        refuse(exchange.context(), invalidChallenge, detail);
    }

    private static void refuse(RoutingContext ctx, String challenge, String detail) {
        ctx.response().putHeader("WWW-Authenticate", challenge);
        Problems.send(ctx, 401, "unauthorized", "Unauthorized", detail);
    }
}
