package org.feedback360.notification.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The events an HR portal can subscribe to. The delivered CloudEvent's {@code type} is
 * {@code org.feedback360.} followed by the name, e.g. {@code org.feedback360.cycle.opened}.
 * Raters' answers never leave the platform: response events are not offered at all.
 */
public enum EventType {
    CYCLE_OPENED("cycle.opened"),
    CYCLE_CLOSED("cycle.closed"),
    CYCLE_RELEASED("cycle.released"),
    ASSIGNMENT_SUBMITTED("assignment.submitted"),
    REPORT_PUBLISHED("report.published");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public String cloudEventType() {
        return "org.feedback360." + wireName;
    }

    public static Optional<EventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).toList();
    }
}
