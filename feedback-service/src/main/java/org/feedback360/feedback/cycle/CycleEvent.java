package org.feedback360.feedback.cycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.feedback360.feedback.assignment.CycleProgress;
import org.feedback360.feedback.instrument.InstrumentDefinition;
import org.feedback360.feedback.people.Contact;
import org.feedback360.feedback.people.Person;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code data} of every event on {@code feedback.cycles} (CycleOpened, CycleClosed,
 * CycleReleased), as contract/cycle-event.schema.json defines it: the whole cycle as it is
 * after the transition, with the instrument definition and everyone's contact details, so
 * no consumer ever needs to ask back.
 */
public record CycleEvent(UUID cycleId, String tenant, String name, CycleState state, Instrument instrument,
                         List<Subject> subjects, Instant opensAt, Instant closesAt, int anonymityThreshold,
                         boolean managerVisible, List<String> reminders, Contact owner,
                         Instant openedAt, Instant closedAt, Instant releasedAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Completion completion) {

    public static final String TOPIC = "feedback.cycles";

    public record Instrument(String key, int version, InstrumentDefinition definition) {
    }

    /**
     * A subject with their manager at the time of the event: for followership cycles the
     * manager is the leader whose view of this follower the report compares.
     */
    public record Subject(String employeeId, String name, String email, String locale, String managerEmployeeId) {

        static Subject of(Person p) {
            return new Subject(p.employeeId, p.name, p.email, p.locale, p.managerEmployeeId);
        }
    }

    /**
     * Assignments and submissions in total and per subject: for HR's "cycle closed" message, and for
     * scoring, which freezes a subject's report once it has stored what the counts say.
     */
    public record Completion(long assignments, long submitted, Map<String, Counts> bySubject) {

        /** @param revisionsBySubject the sum of the latest revisions of the responses about each subject */
        static Completion of(CycleProgress progress, Map<String, Long> revisionsBySubject) {
            Map<String, Counts> bySubject = new LinkedHashMap<>();
            progress.subjects().forEach(s -> bySubject.put(s.employeeId(), new Counts(s.assignments(), s.submitted(),
                    revisionsBySubject.getOrDefault(s.employeeId(), 0L))));
            return new Completion(progress.assignments(), progress.submitted(), bySubject);
        }
    }

    /**
     * @param revisions the sum of the latest revision numbers of the submitted responses about the
     *                  subject: a revision still in flight keeps a consumer's sum below it, where the
     *                  submitted count is already reached
     */
    public record Counts(long assignments, long submitted, long revisions) {
    }

    static String type(CycleCommand command) {
        return switch (command) {
            case OPEN -> "CycleOpened";
            case CLOSE -> "CycleClosed";
            case RELEASE -> "CycleReleased";
        };
    }

    /**
     * @param progress  null for CycleOpened, which carries no completion
     * @param revisions the sum of the latest revisions per subject (ignored without progress)
     */
    static CycleEvent of(Cycle c, InstrumentDefinition definition, List<Subject> subjects, CycleProgress progress,
                         Map<String, Long> revisions) {
        return new CycleEvent(c.id, c.tenantId, c.name, c.state,
                new Instrument(c.instrument.key, c.instrument.version, definition), subjects,
                c.opensAt, c.closesAt, c.anonymityThreshold, c.managerVisible, Arrays.asList(c.reminders), c.owner(),
                c.openedAt, c.closedAt, c.releasedAt, progress == null ? null : Completion.of(progress, revisions));
    }
}
