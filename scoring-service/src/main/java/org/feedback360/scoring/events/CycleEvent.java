package org.feedback360.scoring.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.feedback360.scoring.cycle.Completion;
import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.CycleState;
import org.feedback360.scoring.cycle.InstrumentDefinition;
import org.feedback360.scoring.cycle.Person;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * CycleOpened, CycleClosed or CycleReleased on {@code feedback.cycles}, as this service reads it
 * (feedback-service/contract/cycle-event.schema.json): tolerant of fields it does not use.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CycleEvent(UUID id, String type, String tenant, Instant time, Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID cycleId, String tenant, String name, CycleState state, Instrument instrument,
                       List<Person> subjects, Integer anonymityThreshold, Boolean managerVisible,
                       Instant openedAt, Instant closedAt, Instant releasedAt, Completion completion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Instrument(String key, Integer version, InstrumentDefinition definition) {
    }

    /** The state the type announces; null for a type this service does not know. */
    static CycleState stateOf(String type) {
        return switch (type == null ? "" : type) {
            case FeedbackEvents.CYCLE_OPENED -> CycleState.OPEN;
            case FeedbackEvents.CYCLE_CLOSED -> CycleState.CLOSED;
            case FeedbackEvents.CYCLE_RELEASED -> CycleState.RELEASED;
            default -> null;
        };
    }

    /** Why the event cannot be applied, or null when it can. */
    public String problem() {
        if (id == null || tenant == null || tenant.isBlank() || data == null) {
            return "envelope without id, tenant or data";
        }
        if (data.cycleId() == null || data.instrument() == null || data.instrument().definition() == null
                || data.instrument().definition().dimensions().isEmpty()) {
            return "cycle without id or instrument definition";
        }
        if (data.tenant() != null && !data.tenant().equals(tenant)) {
            return "data.tenant differs from the envelope's tenant";
        }
        if (data.anonymityThreshold() == null || data.managerVisible() == null) {
            return "cycle without anonymity policy";
        }
        try {
            data.instrument().definition().model();
        } catch (IllegalArgumentException e) {
            return "instrument cannot be scored: " + e.getMessage();
        }
        return null;
    }

    public Cycle toCycle() {
        CycleState state = stateOf(type);
        Instrument instrument = data.instrument();
        return new Cycle(tenant, data.cycleId(), data.name() == null ? "" : data.name(), state, instrument.key(),
                instrument.version() == null ? 1 : instrument.version(), instrument.definition(), data.subjects(),
                data.anonymityThreshold(), data.managerVisible(), data.completion(), data.openedAt(), data.closedAt(),
                data.releasedAt());
    }
}
