package org.feedback360.gateway.security;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import java.net.URI;
import java.security.Key;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The realm's signing keys by key id, read from Keycloak's JWKS without blocking: at start,
 * routinely every {@code refreshInterval}, and when a token names a key id not seen yet (a
 * rotated key), but then at most once per {@code minRefreshInterval} however many unknown ids
 * arrive, and with one request in flight shared by everyone waiting. If Keycloak cannot be
 * reached the keys already known stay in use.
 */
public final class JwksKeys implements VerificationKeyResolver {

    private static final Logger LOG = Logger.getLogger(JwksKeys.class);

    private final HttpClient client;
    private final RequestOptions request;
    private final long minRefreshNanos;
    private volatile Map<String, JsonWebKey> keys = Map.of();
    private volatile Runnable onWithdrawal = () -> { };

    // Guarded by this: the refresh in flight and when the last one started.
    private Future<Void> inFlight;
    private long lastStart;
    private boolean started;

    public JwksKeys(Vertx vertx, String jwksUrl, Duration timeout, Duration minRefreshInterval) {
        URI uri = URI.create(jwksUrl);
        boolean tls = "https".equals(uri.getScheme());
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setSsl(tls)
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(false));
        this.request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(jwksUrl)
                .putHeader("Accept", "application/json")
                .setIdleTimeout(timeout.toMillis());
        this.minRefreshNanos = minRefreshInterval.toNanos();
    }

    /** Called when a read finds that the realm no longer publishes a key it published before. */
    public void onWithdrawal(Runnable action) {
        this.onWithdrawal = action;
    }

    /** The signing key with this id, if the JWKS has it. */
    public JsonWebKey key(String kid) {
        return kid == null ? null : keys.get(kid);
    }

    public int size() {
        return keys.size();
    }

    /** A routine read, whenever due. */
    public Future<Void> refresh() {
        return refresh(false);
    }

    /**
     * A read because a token named an unknown key: completes at once (without reading) if the
     * last read started less than the minimum interval ago.
     */
    public Future<Void> refreshForUnknownKey() {
        return refresh(true);
    }

    private synchronized Future<Void> refresh(boolean rateLimited) {
        if (inFlight != null) {
            return inFlight;
        }
        long now = System.nanoTime();
        if (rateLimited && started && now - lastStart < minRefreshNanos) {
            return Future.succeededFuture();
        }
        started = true;
        lastStart = now;
        Promise<Void> done = Promise.promise();
        inFlight = done.future();
        client.request(request)
                .compose(req -> req.send().compose(response -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture("the JWKS answered " + response.statusCode());
                    }
                    return response.body();
                }))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        replace(result.result().toString());
                    } else {
                        LOG.warnf("Cannot read the realm's keys (keeping %d known): %s", keys.size(), result.cause().getMessage());
                    }
                    synchronized (this) {
                        inFlight = null;
                    }
                    done.complete();
                });
        return done.future();
    }

    private void replace(String json) {
        try {
            Map<String, JsonWebKey> signing = new HashMap<>();
            for (JsonWebKey jwk : new JsonWebKeySet(json).getJsonWebKeys()) {
                boolean forSigning = jwk.getUse() == null || "sig".equals(jwk.getUse());
                if (forSigning && jwk.getKeyId() != null && jwk instanceof PublicJsonWebKey) {
                    signing.put(jwk.getKeyId(), jwk);
                }
            }
            if (!signing.keySet().equals(keys.keySet())) {
                LOG.infof("Realm signing keys: %s", signing.keySet());
            }
            boolean withdrawn = !signing.keySet().containsAll(keys.keySet());
            keys = Map.copyOf(signing);
            if (withdrawn) {
                onWithdrawal.run();
            }
        } catch (JoseException e) {
            LOG.warnf("The realm's JWKS is not valid (keeping %d known keys): %s", keys.size(), e.getMessage());
        }
    }

    /** For jose4j: the key named by the token, if its algorithm is the one the key is for. */
    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        JsonWebKey jwk = key(jws.getKeyIdHeaderValue());
        if (jwk == null) {
            throw new UnresolvableKeyException("No realm key has the id " + jws.getKeyIdHeaderValue());
        }
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(jws.getAlgorithmHeaderValue())) {
            throw new UnresolvableKeyException("The key " + jwk.getKeyId() + " is not for " + jws.getAlgorithmHeaderValue());
        }
        return jwk.getKey();
    }

    public void close() {
        client.close();
    }
}
