package org.feedback360.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vertx.core.Future;
import org.feedback360.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Verifies Keycloak access tokens with jose4j: signature by a realm key (only the configured
 * asymmetric algorithms, so neither {@code alg=none} nor an HMAC keyed with the public key can
 * pass), issuer, audience, expiry and not-before with a small clock skew, a subject, the required
 * claims, and {@code typ} Bearer where present (an ID or refresh token is no access token).
 * <p>
 * Each distinct token is verified once: the result is remembered under the token's hash until
 * the token expires (a bounded cache), so a client's later requests cost one SHA-256 and a map
 * lookup instead of an RSA verification; when the realm withdraws a key, all of that is forgotten.
 * Refusals are remembered for a minute, except those for
 * an unknown key, which may become known at the next JWKS read. All of it runs on the event loop:
 * nothing here blocks, and the JWKS is read asynchronously by {@link JwksKeys}.
 */
public final class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    /** Why a token was refused; the message is safe to show the client. */
    public enum Refusal {
        MALFORMED("The bearer token is malformed"),
        EXPIRED("The token has expired"),
        NOT_YET_VALID("The token is not valid yet"),
        UNKNOWN_KEY("The token is not signed by a key of the realm"),
        INVALID("The token is not valid");

        public final String detail;

        Refusal(String detail) {
            this.detail = detail;
        }
    }

    /** Thrown (as a failed future) when a token is refused. */
    public static final class TokenRefusedException extends Exception {
        public final Refusal refusal;

        TokenRefusedException(Refusal refusal) {
            super(refusal.detail, null, false, false);
            this.refusal = refusal;
        }
    }

    private final JwksKeys keys;
    private final Set<String> algorithms;
    private final List<String> requiredClaims;
    private final JwtConsumer parser;
    private final JwtConsumer validator;
    private final Cache<TokenHash, VerifiedToken> verified;
    private final Cache<TokenHash, Refusal> refused;

    public TokenVerifier(GatewayConfig.Jwt config, JwksKeys keys) {
        this.keys = keys;
        this.algorithms = Set.copyOf(config.algorithms());
        this.requiredClaims = List.copyOf(config.requiredClaims());
        // First pass: parse only, to learn kid and alg before any key is looked up.
        this.parser = new JwtConsumerBuilder()
                .setSkipAllValidators()
                .setDisableRequireSignature()
                .setSkipSignatureVerification()
                .build();
        this.validator = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, config.algorithms().toArray(String[]::new)))
                .setVerificationKeyResolver(keys)
                .setExpectedIssuer(true, config.issuer())
                .setExpectedAudience(true, config.audiences().toArray(String[]::new))
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .build();
        this.verified = Caffeine.newBuilder()
                // Maintenance in the calling thread, amortised: no hand-off to a pool on the request path.
                .executor(Runnable::run)
                .maximumSize(config.cacheSize())
                .expireAfter(Expiry.<TokenHash, VerifiedToken>creating((hash, token) ->
                        Duration.ofSeconds(Math.max(0, token.expiresAtEpochSecond() - System.currentTimeMillis() / 1000))))
                .build();
        // A withdrawn key may be a compromised one: what it signed must be verified again, and fail.
        keys.onWithdrawal(() -> {
            LOG.info("A realm key was withdrawn: forgetting all verified tokens");
            verified.invalidateAll();
        });
        this.refused = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumSize(config.refusedCacheSize())
                .expireAfterWrite(Duration.ofMinutes(1))
                .build();
    }

    /** The token's claims if this very token was verified before and has not expired; null otherwise. */
    public VerifiedToken cached(TokenHash hash) {
        return verified.getIfPresent(hash);
    }

    /**
     * Verifies a token not in the cache. Completes at once unless the token names a key id the
     * gateway has not seen, in which case it completes after the JWKS has been read again (or the
     * read was refused by the rate limit), on the thread that read it.
     */
    public Future<VerifiedToken> verify(String token, TokenHash hash) {
        Refusal known = refused.getIfPresent(hash);
        if (known != null) {
            return Future.failedFuture(new TokenRefusedException(known));
        }
        JwtContext parsed;
        try {
            parsed = parser.process(token);
        } catch (InvalidJwtException e) {
            return refuse(hash, Refusal.MALFORMED, e);
        }
        List<JsonWebStructure> objects = parsed.getJoseObjects();
        if (objects.size() != 1 || !(objects.get(0) instanceof JsonWebSignature jws)) {
            return refuse(hash, Refusal.MALFORMED, null);
        }
        if (!algorithms.contains(jws.getAlgorithmHeaderValue()) || jws.getKeyIdHeaderValue() == null) {
            // Decided before any key lookup: alg=none or HS256 must never make the gateway read the JWKS.
            return refuse(hash, Refusal.INVALID, null);
        }
        if (keys.key(jws.getKeyIdHeaderValue()) != null) {
            return validate(parsed, hash);
        }
        return keys.refreshForUnknownKey().transform(ignored -> keys.key(jws.getKeyIdHeaderValue()) == null
                // Not remembered as refused: the key may be published by the next read.
                ? Future.failedFuture(new TokenRefusedException(Refusal.UNKNOWN_KEY))
                : validate(parsed, hash));
    }

    private Future<VerifiedToken> validate(JwtContext parsed, TokenHash hash) {
        try {
            validator.processContext(parsed);
            VerifiedToken token = claims(parsed.getJwtClaims());
            verified.put(hash, token);
            return Future.succeededFuture(token);
        } catch (InvalidJwtException e) {
            return refuse(hash, reason(e), e);
        } catch (MalformedClaimException e) {
            return refuse(hash, Refusal.INVALID, e);
        }
    }

    private VerifiedToken claims(JwtClaims claims) throws MalformedClaimException, InvalidJwtException {
        Object typ = claims.getClaimValue("typ");
        if (typ != null && !"Bearer".equals(typ)) {
            throw new InvalidJwtException("typ is " + typ + ", not Bearer", List.of(), null);
        }
        for (String claim : requiredClaims) {
            Object value = claims.getClaimValue(claim);
            if (!(value instanceof String s) || s.isBlank()) {
                throw new InvalidJwtException("the claim " + claim + " is missing", List.of(), null);
            }
        }
        String azp = claims.getStringClaimValue("azp");
        return VerifiedToken.of(claims.getSubject(), azp == null ? "-" : azp,
                claims.getStringClaimValue("tenant"), claims.getStringClaimValue("employee_id"),
                claims.getExpirationTime().getValue());
    }

    private static Refusal reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return Refusal.EXPIRED;
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return Refusal.NOT_YET_VALID;
        }
        return Refusal.INVALID;
    }

    private Future<VerifiedToken> refuse(TokenHash hash, Refusal refusal, Exception cause) {
        // The reason is for operators; the client learns only the category.
        LOG.debugf("token refused (%s): %s", refusal, cause == null ? "" : cause.getMessage());
        if (refusal != Refusal.NOT_YET_VALID) {
            refused.put(hash, refusal);
        }
        return Future.failedFuture(new TokenRefusedException(refusal));
    }
}
