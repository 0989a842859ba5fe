package org.feedback360.gateway.discovery;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.feedback360.gateway.config.GatewayConfig;

/**
 * {@code GET /api}: where a client gets its tokens (public). The Keycloak realm's issuer and its
 * authorization, token and JWKS endpoints, the audience the API expects, the public client of the
 * apps, and where the API is described. OpenID Connect discovery at the issuer tells the rest.
 */
public final class ApiRootHandler implements Handler<RoutingContext> {

    private final Buffer body;

    public ApiRootHandler(GatewayConfig config) {
        String issuer = config.discovery().issuer().orElse(config.jwt().issuer());
        String endpoints = issuer + "/protocol/openid-connect";
        this.body = new JsonObject()
                .put("issuer", issuer)
                .put("openidConfiguration", issuer + "/.well-known/openid-configuration")
                .put("authorizationEndpoint", endpoints + "/auth")
                .put("tokenEndpoint", endpoints + "/token")
                .put("jwksUri", endpoints + "/certs")
                .put("audience", config.jwt().audiences().get(0))
                .put("publicClientId", config.discovery().publicClientId())
                .put("openapi", "/q/openapi")
                .put("documentation", "/q/swagger-ui")
                .toBuffer();
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .end(body);
    }
}
