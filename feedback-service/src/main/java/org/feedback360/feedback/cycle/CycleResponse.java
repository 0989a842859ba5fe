package org.feedback360.feedback.cycle;

import org.feedback360.feedback.people.Contact;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A cycle as HR sees it. */
public record CycleResponse(UUID id, String name, CycleState state, List<String> allowedCommands,
                            CycleRequest.InstrumentRef instrument, List<String> subjects,
                            Instant opensAt, Instant closesAt, int anonymityThreshold, boolean managerVisible,
                            List<String> reminders, Instant createdAt, Instant openedAt, Instant closedAt,
                            Instant releasedAt, Contact owner) {

    static CycleResponse of(Cycle c) {
        return new CycleResponse(c.id, c.name, c.state,
                CycleStateMachine.allowed(c.state).stream().sorted().map(CycleCommand::path).toList(),
                new CycleRequest.InstrumentRef(c.instrument.key, c.instrument.version), c.subjectIds(),
                c.opensAt, c.closesAt, c.anonymityThreshold, c.managerVisible, Arrays.asList(c.reminders),
                c.createdAt, c.openedAt, c.closedAt, c.releasedAt, c.owner());
    }

    public record Page(List<CycleResponse> items, int page, int size, long total) {
    }
}
