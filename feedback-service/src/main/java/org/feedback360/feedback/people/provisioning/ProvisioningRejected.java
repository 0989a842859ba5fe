package org.feedback360.feedback.people.provisioning;

/**
 * The identity provider refused this person's data (a 4xx other than a conflict): retrying the
 * same task can only be refused again, and it says nothing about the provider's health, so it
 * neither blocks the person's later changes nor counts towards the circuit breaker.
 */
public class ProvisioningRejected extends RuntimeException {

    public ProvisioningRejected(String message) {
        super(message);
    }
}
