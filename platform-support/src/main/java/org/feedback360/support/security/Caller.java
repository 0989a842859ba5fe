package org.feedback360.support.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.feedback360.support.problem.ProblemException;

/**
 * Who is calling, as the verified token says. Tenant and employee id come only from the
 * token, never from the request, so no caller can act in another tenant's name.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";
    public static final String EMPLOYEE_ID_CLAIM = "employee_id";

    @Inject
    JsonWebToken jwt;

    /** The caller's tenant; a token without one may not touch tenant data at all. */
    public String tenant() {
        String tenant = jwt.getClaim(TENANT_CLAIM);
        if (tenant == null || tenant.isBlank()) {
            throw ProblemException.forbidden("The token carries no tenant");
        }
        return tenant;
    }

    /** The caller's employee id within the tenant. */
    public String employeeId() {
        String id = jwt.getClaim(EMPLOYEE_ID_CLAIM);
        if (id == null || id.isBlank()) {
            throw ProblemException.forbidden("The token carries no employee id");
        }
        return id;
    }

    public boolean hasRole(String role) {
        return jwt.getGroups().contains(role);
    }

    public String subject() {
        return jwt.getSubject();
    }
}
