package org.feedback360.notification.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;
import java.util.regex.Pattern;

/** Links in notifications, all under the public base URL of the platform. */
@ApplicationScoped
public class Links {

    /** What a report path may look like (scoring's contract); nothing that could leave the platform. */
    private static final Pattern REPORT_PATH = Pattern.compile("/api/v1/reports/[A-Za-z0-9._~%-]+(/[A-Za-z0-9._~%-]+)*");

    @ConfigProperty(name = "notification.public-base-url")
    String publicBaseUrl;

    public String assignment(UUID cycleId, UUID assignmentId) {
        return base() + "/cycles/" + cycleId + "/assignments/" + assignmentId;
    }

    public String cycle(UUID cycleId) {
        return base() + "/cycles/" + cycleId;
    }

    /** @return the link, or null when the path is not a report path */
    public String report(String reportPath) {
        if (reportPath == null || !REPORT_PATH.matcher(reportPath).matches() || reportPath.contains("..")) {
            return null;
        }
        return base() + reportPath;
    }

    private String base() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
