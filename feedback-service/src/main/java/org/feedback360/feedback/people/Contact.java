package org.feedback360.feedback.people;

/**
 * A person as events name them ({@code person} in the event contract): enough for
 * notification-service to write to them in their language without asking back.
 */
public record Contact(String employeeId, String name, String email, String locale) {

    public static Contact of(Person p) {
        return new Contact(p.employeeId, p.name, p.email, p.locale);
    }
}
