package org.feedback360.feedback.cycle;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of every event on {@code feedback.cycles} (CycleOpened, CycleClosed,
 * CycleReleased): the whole cycle as it is after the transition, so a consumer never needs
 * to ask back.
 */
public record CycleEvent(UUID cycleId, String tenant, String name, CycleState state,
                         CycleRequest.InstrumentRef instrument, List<String> subjects,
                         Instant opensAt, Instant closesAt, int anonymityThreshold, boolean managerVisible,
                         List<String> reminders, Instant openedAt, Instant closedAt, Instant releasedAt) {

    public static final String TOPIC = "feedback.cycles";

    static String type(CycleCommand command) {
        return switch (command) {
            case OPEN -> "CycleOpened";
            case CLOSE -> "CycleClosed";
            case RELEASE -> "CycleReleased";
        };
    }

    static CycleEvent of(Cycle c) {
        return new CycleEvent(c.id, c.tenantId, c.name, c.state,
                new CycleRequest.InstrumentRef(c.instrument.key, c.instrument.version), c.subjectIds(),
                c.opensAt, c.closesAt, c.anonymityThreshold, c.managerVisible, Arrays.asList(c.reminders),
                c.openedAt, c.closedAt, c.releasedAt);
    }
}
