package org.feedback360.gateway.security;

/**
 * What the gateway needs from a verified access token: who (subject), through which OAuth
 * client ({@code azp}), for which tenant, until when. Never the token itself.
 *
 * @param clientKey the rate-limit key of this client: {@code azp} and subject together
 */
public record VerifiedToken(String subject, String clientId, String tenant, String employeeId,
                            long expiresAtEpochSecond, String clientKey) {

    public static VerifiedToken of(String subject, String clientId, String tenant, String employeeId, long expiresAt) {
        return new VerifiedToken(subject, clientId, tenant, employeeId, expiresAt, clientId + ' ' + subject);
    }
}
