package org.feedback360.gateway.filter;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.feedback360.gateway.problem.Problems;
import org.jboss.logging.Logger;

/**
 * The gateway's token check: every API request needs a bearer token that smallrye-jwt
 * verifies against the realm's published keys (signature with RS256 only — so neither
 * {@code alg=none} nor an HMAC "signed" with the public key passes —, issuer, audience,
 * expiry, not-before and the claims configured as required). Only then is it routed.
 * <p>
 * The check is an explicit filter in the chain rather than Quarkus' HTTP permissions: the
 * proxy routes would otherwise be free to run first, and the order of filters is the
 * gateway's contract. Verification runs off the event loop because a key rotation makes
 * the parser fetch the realm's JWKS with a blocking call.
 */
public final class TokenFilter implements Handler<RoutingContext> {

    /** Where later filters (rate limits, access log) find the verified token. */
    public static final String TOKEN_KEY = "feedback360.token";

    private static final Logger LOG = Logger.getLogger(TokenFilter.class);
    private static final String BEARER = "Bearer ";
    /** Far above any Keycloak access token; refuses abuse before any parsing. */
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final JWTParser parser;

    public TokenFilter(JWTParser parser) {
        this.parser = parser;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(ctx, "A bearer token is required");
            return;
        }
        String token = header.substring(BEARER.length()).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            refuse(ctx, "A valid bearer token is required");
            return;
        }
        ctx.vertx().<JsonWebToken>executeBlocking(() -> parser.parse(token), false)
                .onComplete(result -> {
                    if (result.succeeded()) {
                        ctx.put(TOKEN_KEY, result.result());
                        ctx.next();
                    } else {
                        Throwable cause = result.cause();
                        // The reason is for operators; the client learns only that the token is not valid.
                        LOG.debugf("token refused: %s", cause instanceof ParseException ? cause.getMessage() : cause.toString());
                        refuse(ctx, "A valid bearer token is required");
                    }
                });
    }

    private static void refuse(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.send(ctx, 401, "unauthorized", "Unauthorized", detail);
    }
}
