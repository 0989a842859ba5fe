package org.feedback360.feedback.people.provisioning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeycloakNamesTest {

    @Test
    void namesLoseOnlyWhatKeycloakRefuses() {
        assertEquals(new KeycloakNames.Split("Sam contractor", "Smith"), KeycloakNames.split("Sam (contractor) Smith", "E-1"));
        assertEquals(new KeycloakNames.Split("Zoë O'Brien-Müller", "Jr."), KeycloakNames.split("Zoë O'Brien-Müller Jr.", "E-1"));
        assertEquals(new KeycloakNames.Split("script alert 1", "script"),
                KeycloakNames.split("<script>alert(1)</script>", "E-1"));
        assertEquals(new KeycloakNames.Split("E-1", "E-1"), KeycloakNames.split("<>{}", "E-1"));
        assertEquals(255, KeycloakNames.split("x".repeat(300), "E-1").first().length());
    }

    @Test
    void anEmailKeycloakAcceptsIsTheUserNameAndAnyOtherAStableNameOfTheirOwn() {
        assertEquals("kim.keller+hr@acme.example", KeycloakNames.username("acme", "E-1", " Kim.Keller+HR@acme.example "));
        String obrien = KeycloakNames.username("acme", "E-2", "o'brien@acme.example");
        assertTrue(obrien.matches("person-[0-9a-f]{32}"), obrien);
        assertEquals(obrien, KeycloakNames.username("acme", "E-2", "o'brien@acme.example"), "stable");
        assertEquals(obrien, KeycloakNames.username("acme", "E-2", "o&brien@acme.example"), "the person's, not the e-mail's");
        assertNotEquals(obrien, KeycloakNames.username("other", "E-2", "o'brien@acme.example"), "one per tenant and employee");
    }
}
