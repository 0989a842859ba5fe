package org.feedback360.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's surroundings for its tests, all real HTTP servers on loopback: the realm's JWKS,
 * a feedback and a scoring service (echoing, with their own OpenAPI documents), and two ports
 * where nothing listens, for the notification service and for a "flaky" route whose tests bring
 * a service up there and take it down again. Plus a "limited" route with small rate limits, a
 * "narrow" one with a single connection per event loop, and a "pooled" one whose service a test
 * starts to count the connections the gateway opens.
 */
public class UpstreamServers implements QuarkusTestResourceLifecycleManager {

    static final String FEEDBACK_OPENAPI = """
            {"openapi":"3.0.3","info":{"title":"feedback-service","version":"1"},
             "paths":{
               "/api/v1/people":{"get":{"tags":["People"],"security":[{"SecurityScheme":[]}],
                 "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Person"}}}},
                              "400":{"$ref":"#/components/responses/Problem"}}}},
               "/api/v1/reports/shadow":{"get":{"responses":{"200":{"description":"routed to scoring, not here"}}}},
               "/q/health":{"get":{"responses":{"200":{"description":"not public API"}}}}},
             "components":{
               "schemas":{"Person":{"type":"object","properties":{"name":{"type":"string"}}},
                          "Summary":{"type":"object","properties":{"people":{"type":"integer"}}},
                          "Problem":{"type":"object","properties":{"title":{"type":"string"}}}},
               "responses":{"Problem":{"description":"A problem","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}},
               "securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer"}}},
             "tags":[{"name":"People"}]}""";

    static final String SCORING_OPENAPI = """
            {"openapi":"3.0.3","info":{"title":"scoring-service","version":"1"},
             "paths":{
               "/api/v1/reports/{id}":{"get":{"tags":["Reports"],"security":[{"jwt":[]}],
                 "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Summary"}}}},
                              "404":{"$ref":"#/components/responses/Problem"}}}},
               "/api/v1/people":{"get":{"responses":{"200":{"description":"routed to feedback, not here"}}}}},
             "components":{
               "schemas":{"Summary":{"type":"object","properties":{"alignment":{"type":"number"}}},
                          "Problem":{"type":"object","properties":{"title":{"type":"string"}}}},
               "responses":{"Problem":{"description":"A problem","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}},
               "securitySchemes":{"jwt":{"type":"http","scheme":"bearer"}}},
             "tags":[{"name":"Reports"}]}""";

    static final String NOTIFICATION_OPENAPI = """
            {"openapi":"3.0.3","info":{"title":"notification-service","version":"1"},
             "paths":{"/api/v1/me/inbox":{"get":{"tags":["Inbox"],"security":[{"jwt":[]}],"responses":{"200":{"description":"OK"}}}}},
             "components":{"securitySchemes":{"jwt":{"type":"http","scheme":"bearer"}}}}""";

    private KeycloakKeys keycloak;
    private Upstream feedback;
    private Upstream scoring;

    @Override
    public Map<String, String> start() {
        try {
            keycloak = new KeycloakKeys();
            feedback = Upstream.start(FEEDBACK_OPENAPI);
            scoring = Upstream.start(SCORING_OPENAPI);
            Map<String, String> config = new HashMap<>();
            config.put("gateway.jwt.jwks-url", keycloak.url() + "/certs");
            config.put("test.keycloak-admin", keycloak.url() + "/admin");
            config.put("gateway.routes.feedback.target", feedback.url());
            config.put("gateway.routes.scoring.target", scoring.url());
            config.put("gateway.routes.scoring.timeout", "1s");
            config.put("gateway.routes.notification.target", "http://127.0.0.1:" + Upstream.freePort());

            config.put("gateway.routes.flaky.paths", "/api/v1/flaky");
            config.put("gateway.routes.flaky.target", "http://127.0.0.1:" + Upstream.freePort());
            config.put("gateway.routes.flaky.connect-timeout", "500ms");
            config.put("gateway.routes.flaky.circuit-breaker.request-volume-threshold", "4");
            config.put("gateway.routes.flaky.circuit-breaker.failure-ratio", "0.5");
            config.put("gateway.routes.flaky.circuit-breaker.delay", "1s");
            config.put("gateway.routes.flaky.circuit-breaker.success-threshold", "1");

            // One connection per event loop, a short wait for it, and a breaker that would open at 2 failures in 4.
            config.put("gateway.routes.narrow.paths", "/api/v1/narrow");
            config.put("gateway.routes.narrow.target", feedback.url());
            config.put("gateway.routes.narrow.max-connections", "1");
            config.put("gateway.routes.narrow.connect-timeout", "300ms");
            config.put("gateway.routes.narrow.pool-wait-timeout", "200ms");
            config.put("gateway.routes.narrow.circuit-breaker.request-volume-threshold", "4");
            config.put("gateway.routes.narrow.circuit-breaker.failure-ratio", "0.5");
            config.put("gateway.routes.narrow.circuit-breaker.delay", "10s");

            // Nothing listens here until a test starts a service that counts its connections.
            config.put("gateway.routes.pooled.paths", "/api/v1/pooled");
            config.put("gateway.routes.pooled.target", "http://127.0.0.1:" + Upstream.freePort());

            config.put("gateway.routes.limited.paths", "/api/v1/limited");
            config.put("gateway.routes.limited.target", feedback.url());
            config.put("gateway.routes.limited.rate-limits.per-client.requests", "3");
            config.put("gateway.routes.limited.rate-limits.per-client.period", "6s");
            config.put("gateway.routes.limited.rate-limits.per-tenant.requests", "5");
            config.put("gateway.routes.limited.rate-limits.per-tenant.period", "20s");
            return config;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        for (AutoCloseable server : new AutoCloseable[]{feedback, scoring, keycloak}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception ignored) {
                // the JVM ends anyway
            }
        }
    }
}
