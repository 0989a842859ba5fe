package org.feedback360.feedback.people.provisioning;

/**
 * Makes a directory change real in the identity provider (Keycloak): a user with the
 * {@code tenant} and {@code employee_id} attributes and role {@code employee}, enabled or
 * disabled. Implementations must be idempotent: a task may be handed over again after a
 * crash between the call and the task being marked done.
 *
 * <p>{@link KeycloakProvisioner} is the implementation; while Keycloak is unreachable, tasks
 * wait in {@code provisioning_task} and nothing is lost.
 */
public interface IdentityProvisioner {

    /**
     * Throws when the change could not be made; the task is then retried later.
     *
     * @param firstForPerson no earlier task of this person exists: the user most likely does not
     *                       exist yet (an implementation must still cope if it does)
     */
    void apply(ProvisioningTask task, boolean firstForPerson);
}
