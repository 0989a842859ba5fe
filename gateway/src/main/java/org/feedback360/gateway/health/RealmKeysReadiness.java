package org.feedback360.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.feedback360.gateway.GatewayRouter;

/**
 * The gateway's own readiness (the Kubernetes readiness probe): it can serve only once it knows
 * at least one of the realm's signing keys, since without one every request would be refused.
 * While it knows none it asks for the JWKS again (at most once per
 * {@code JWKS_MIN_REFRESH_INTERVAL}) instead of waiting for the routine read. The upstreams are
 * deliberately not part of it: see {@link UpstreamsReadiness}.
 */
@Readiness
@ApplicationScoped
public class RealmKeysReadiness implements HealthCheck {

    private final GatewayRouter router;

    RealmKeysReadiness(GatewayRouter router) {
        this.router = router;
    }

    @Override
    public HealthCheckResponse call() {
        int known = router.realmKeys();
        if (known == 0) {
            router.refreshRealmKeys();
        }
        return HealthCheckResponse.named("realm-keys").status(known > 0).withData("keys", known).build();
    }
}
