package org.feedback360.support.security;

/** The realm roles of Keycloak realm {@code feedback360}, delivered in the {@code groups} claim. */
public final class Roles {
    public static final String HR_ADMIN = "hr-admin";
    public static final String EMPLOYEE = "employee";
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
