package org.feedback360.feedback.people.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.feedback360.support.security.Caller;
import org.feedback360.support.security.Roles;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provisions the directory into Keycloak through the admin REST client: one user per person,
 * user name = lower-cased e-mail (what people log in with; see {@link KeycloakNames} for the
 * e-mails and names Keycloak refuses), e-mail verified (HR vouches for it), attributes {@code tenant}, {@code employee_id} and {@code locale} (the token mappers turn
 * the first two into claims), realm role {@code employee}. People who leave are disabled,
 * never deleted, so their history stays attributable to an account.
 *
 * <p>Idempotent: the user is found by its {@code tenant}/{@code employee_id} attributes (so an
 * e-mail change updates the same user), else by user name, and then updated in place. The
 * directory does not model platform roles, so {@code hr-admin} is granted in Keycloak by hand.
 */
@ApplicationScoped
public class KeycloakProvisioner implements IdentityProvisioner {

    private static final Logger LOG = Logger.getLogger(KeycloakProvisioner.class);

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "feedback.keycloak.realm")
    String realmName;

    private volatile RoleRepresentation employeeRole;

    @Override
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = ProvisioningRejected.class)
    public void apply(ProvisioningTask task, boolean firstForPerson) {
        try {
            applyOrThrow(task, firstForPerson);
        } catch (BadRequestException e) {
            // A 400 on update: Keycloak's user profile refused the data.
            throw new ProvisioningRejected("Keycloak refused the user of " + task.tenantId + "/" + task.employeeId
                    + ": " + e.getResponse().readEntity(String.class));
        }
    }

    private void applyOrThrow(ProvisioningTask task, boolean firstForPerson) {
        RealmResource realm = keycloak.realm(realmName);
        // A person seen for the first time is created straight away, without the attribute search,
        // which Keycloak answers ever more slowly as a realm grows (a bulk import of thousands of
        // people); should the user exist after all, the create's 409 leads to find and update.
        Optional<UserRepresentation> existing = firstForPerson && task.action == ProvisioningTask.Action.UPSERT
                ? Optional.empty() : find(realm, task);
        switch (task.action) {
            case UPSERT -> upsert(realm, task, existing);
            case DISABLE -> existing.filter(u -> !Boolean.FALSE.equals(u.isEnabled())).ifPresent(u -> {
                u.setEnabled(false);
                realm.users().get(u.getId()).update(u);
            });
        }
    }

    private void upsert(RealmResource realm, ProvisioningTask task, Optional<UserRepresentation> existing) {
        UserRepresentation user = existing.orElseGet(UserRepresentation::new);
        describe(user, task);
        String id;
        if (existing.isPresent()) {
            id = user.getId();
            realm.users().get(id).update(user);
        } else {
            try (Response created = realm.users().create(user)) {
                if (created.getStatus() == 409) {
                    // Someone made it meanwhile (another replica, a retry), or it was there before this
                    // directory knew the person: update that one.
                    UserRepresentation other = find(realm, task).orElseThrow(() ->
                            new IllegalStateException("Keycloak refused user " + user.getUsername() + " as a duplicate"));
                    describe(other, task);
                    id = other.getId();
                    realm.users().get(id).update(other);
                } else {
                    // A new user has only the realm's default roles: no need to look before adding.
                    addEmployeeRole(realm.users().get(createdId(created, user)), realm);
                    return;
                }
            }
        }
        grantEmployeeRole(realm.users().get(id), realm);
    }

    /** By attributes first (survives e-mail changes), then by user name, which must then be this tenant's person. */
    private Optional<UserRepresentation> find(RealmResource realm, ProvisioningTask task) {
        String query = Caller.TENANT_CLAIM + ":" + task.tenantId + " " + Caller.EMPLOYEE_ID_CLAIM + ":" + task.employeeId;
        Optional<UserRepresentation> byAttributes = realm.users().searchByAttributes(0, 2, null, false, query).stream()
                .filter(u -> task.tenantId.equals(attribute(u, Caller.TENANT_CLAIM))
                        && task.employeeId.equals(attribute(u, Caller.EMPLOYEE_ID_CLAIM)))
                .findFirst();
        if (byAttributes.isPresent()) {
            return byAttributes;
        }
        Optional<UserRepresentation> byName = realm.users().searchByUsername(username(task), true).stream().findFirst();
        byName.ifPresent(u -> {
            String tenant = attribute(u, Caller.TENANT_CLAIM);
            String employee = attribute(u, Caller.EMPLOYEE_ID_CLAIM);
            if ((tenant != null && !tenant.equals(task.tenantId)) || (employee != null && !employee.equals(task.employeeId))) {
                // Never hand one person's account to another: this needs a human to look at it.
                throw new IllegalStateException("Keycloak user " + u.getUsername() + " belongs to " + tenant + "/" + employee
                        + ", not to " + task.tenantId + "/" + task.employeeId);
            }
        });
        return byName;
    }

    private static void describe(UserRepresentation user, ProvisioningTask task) {
        if (user.getId() == null) {
            // Set once: the realm does not allow renaming users (editUsernameAllowed=false). After an
            // e-mail change the person logs in with the new address (loginWithEmailAllowed).
            user.setUsername(username(task));
        }
        user.setEmail(task.email);
        user.setEmailVerified(true);
        KeycloakNames.Split name = KeycloakNames.split(task.name, task.employeeId);
        user.setFirstName(name.first());
        user.setLastName(name.last());
        user.setEnabled(true);
        Map<String, List<String>> attributes = user.getAttributes() == null ? new HashMap<>() : new HashMap<>(user.getAttributes());
        attributes.put(Caller.TENANT_CLAIM, List.of(task.tenantId));
        attributes.put(Caller.EMPLOYEE_ID_CLAIM, List.of(task.employeeId));
        attributes.put("locale", List.of(task.locale));
        user.setAttributes(attributes);
    }

    /** The id of a created user, or why there is none (a 400 is final: the data is refused). */
    private static String createdId(Response created, UserRepresentation user) {
        if (created.getStatus() == 400) {
            throw new ProvisioningRejected("Keycloak refused user " + user.getUsername() + ": "
                    + created.readEntity(String.class));
        }
        if (created.getStatus() != 201) {
            throw new IllegalStateException("Keycloak answered " + created.getStatus() + " creating user "
                    + user.getUsername() + ": " + created.readEntity(String.class));
        }
        String location = created.getLocation().getPath();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void grantEmployeeRole(UserResource user, RealmResource realm) {
        boolean has = user.roles().realmLevel().listAll().stream().anyMatch(r -> Roles.EMPLOYEE.equals(r.getName()));
        if (!has) {
            addEmployeeRole(user, realm);
        }
    }

    private void addEmployeeRole(UserResource user, RealmResource realm) {
        try {
            user.roles().realmLevel().add(List.of(employeeRole(realm)));
        } catch (NotFoundException e) {
            employeeRole = null; // the role was recreated in Keycloak: look it up again next time
            throw e;
        }
    }

    /** The realm's {@code employee} role, looked up once (roles are realm configuration, not data). */
    private RoleRepresentation employeeRole(RealmResource realm) {
        RoleRepresentation role = employeeRole;
        if (role == null) {
            role = realm.roles().get(Roles.EMPLOYEE).toRepresentation();
            employeeRole = role;
        }
        return role;
    }

    static String username(ProvisioningTask task) {
        return KeycloakNames.username(task.tenantId, task.employeeId, task.email);
    }

    private static String attribute(UserRepresentation u, String name) {
        return u.getAttributes() == null || u.getAttributes().get(name) == null || u.getAttributes().get(name).isEmpty()
                ? null : u.getAttributes().get(name).get(0);
    }
}
