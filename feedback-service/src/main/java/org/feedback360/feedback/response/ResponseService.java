package org.feedback360.feedback.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.feedback360.feedback.assignment.Assignment;
import org.feedback360.feedback.assignment.AssignmentRepository;
import org.feedback360.feedback.assignment.AssignmentService;
import org.feedback360.feedback.cycle.Cycle;
import org.feedback360.feedback.cycle.CycleRepository;
import org.feedback360.feedback.cycle.CycleState;
import org.feedback360.feedback.instrument.InstrumentDefinition;
import org.feedback360.feedback.instrument.InstrumentService;
import org.feedback360.support.outbox.Outbox;
import org.feedback360.support.problem.Problem;
import org.feedback360.support.problem.ProblemException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A rater's answers: drafts, submissions and revisions while the cycle is open. Every
 * method starts from the caller's own assignment; anyone else's is "not found".
 */
@ApplicationScoped
public class ResponseService {

    private static final TypeReference<Map<String, Integer>> ANSWERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> COMMENTS = new TypeReference<>() {
    };

    @Inject
    AssignmentRepository assignments;

    @Inject
    AssignmentService assignmentEvents;

    @Inject
    CycleRepository cycles;

    @Inject
    InstrumentService instruments;

    @Inject
    ResponseRepository responses;

    @Inject
    SubmissionKeys keys;

    @Inject
    RaterKeys raterKeys;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    /** What a submission answers: first time or replayed for the same Idempotency-Key. */
    public record Outcome(int status, ResponseView.Submission submission, boolean replayed) {
    }

    @Transactional
    public ResponseView get(String tenant, String rater, UUID assignmentId) {
        Assignment a = ownAssignment(tenant, rater, assignmentId);
        Cycle c = cycleOf(a);
        return view(a, c, responses.findOf(tenant, assignmentId).orElse(null));
    }

    @Transactional
    public ResponseView saveDraft(String tenant, String rater, UUID assignmentId, ResponseRequest request) {
        Assignment a = ownAssignment(tenant, rater, assignmentId);
        Cycle c = lockedCycleOf(a);
        requireOpen(c);
        requireActive(a);
        AnswerRules.Clean clean = validate(c, request, false);
        Instant now = Instant.now();
        RaterResponse r = responses.lockOrCreate(tenant, a.cycleId, a.id, now);
        r.saveDraft(write(clean.answers()), write(clean.comments()), now);
        return view(a, c, r);
    }

    /**
     * Submits (or revises) the answers. The response, its idempotency record and the two
     * events (ResponseSubmitted for scoring, AssignmentSubmitted for notifications) commit
     * together: Kafka being down delays the events, never the rater.
     */
    @Transactional
    public Outcome submit(String tenant, String rater, UUID assignmentId, String idempotencyKey, ResponseRequest request) {
        String key = checkIdempotencyKey(idempotencyKey);
        Assignment a = ownAssignment(tenant, rater, assignmentId);
        Instant now = Instant.now();
        RaterResponse r = responses.lockOrCreate(tenant, a.cycleId, a.id, now);
        String hash = requestHash(assignmentId, request);
        var earlier = keys.find(tenant, rater, key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        Cycle c = lockedCycleOf(a);
        requireOpen(c);
        requireActive(a);
        AnswerRules.Clean clean = validate(c, request, true);
        int revision = r.submit(write(clean.answers()), write(clean.comments()), now);
        outbox.record(tenant, ResponseSubmitted.TOPIC, a.subjectEmployeeId, ResponseSubmitted.TYPE, a.subjectEmployeeId,
                new ResponseSubmitted(a.cycleId, a.subjectEmployeeId, raterKeys.of(a.cycleId, a.raterEmployeeId),
                        a.raterGroup, revision, clean.answers(), clean.comments()));
        assignmentEvents.submitted(a, c.closesAt, now);
        ResponseView.Submission result = new ResponseView.Submission(a.id, revision, now, clean.answers(), clean.comments());
        if (!keys.store(tenant, rater, key, new SubmissionKeys.Stored(hash, a.id, 201, write(result)), now)) {
            // A concurrent request of this rater took the key first (for another assignment).
            throw keyReused();
        }
        return new Outcome(201, result, false);
    }

    private Outcome replay(SubmissionKeys.Stored earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw keyReused();
        }
        try {
            return new Outcome(earlier.status(), json.readValue(earlier.result(), ResponseView.Submission.class), true);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException keyReused() {
        return ProblemException.unprocessable("idempotency-key-reused",
                "This Idempotency-Key was already used with a different request; use a new key for a new submission");
    }

    static String checkIdempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.badRequest("idempotency-key-required",
                    "A submission needs an Idempotency-Key header (e.g. a UUID made once per submission, reused on retries)");
        }
        if (key.length() > 200 || !key.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    "The Idempotency-Key must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    private Assignment ownAssignment(String tenant, String rater, UUID assignmentId) {
        return assignments.findInTenant(tenant, assignmentId)
                .filter(a -> a.raterEmployeeId.equals(rater))
                .orElseThrow(() -> ProblemException.notFound("Assignment " + assignmentId));
    }

    private Cycle cycleOf(Assignment a) {
        return cycles.findInTenant(a.tenantId, a.cycleId).orElseThrow(() -> ProblemException.notFound("Cycle " + a.cycleId));
    }

    private Cycle lockedCycleOf(Assignment a) {
        return cycles.findInTenantForShare(a.tenantId, a.cycleId)
                .orElseThrow(() -> ProblemException.notFound("Cycle " + a.cycleId));
    }

    private static void requireActive(Assignment a) {
        if (a.isCancelled()) {
            throw ProblemException.conflict("assignment-cancelled",
                    "This assignment was cancelled on " + a.cancelledAt + " and takes no more answers");
        }
    }

    private static void requireOpen(Cycle c) {
        if (c.state != CycleState.OPEN) {
            throw new ProblemException(Problem.of(409, "cycle-not-open", "Conflict",
                    "The cycle is " + c.state + "; answers can be given and revised only while it is OPEN")
                    .with("state", c.state));
        }
    }

    private AnswerRules.Clean validate(Cycle c, ResponseRequest request, boolean submission) {
        InstrumentDefinition definition = instruments.definitionOf(c.instrument);
        List<AnswerRules.FieldError> errors = submission ? AnswerRules.checkSubmission(definition, request)
                : AnswerRules.check(definition, request);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(422, "invalid-answers", "Unprocessable Content",
                    errors.size() + " answer(s) do not fit instrument " + definition.key() + " version " + c.instrument.version)
                    .with("errors", errors));
        }
        return AnswerRules.clean(request);
    }

    /** Same assignment and same answers (whatever the key order) give the same hash. */
    private String requestHash(UUID assignmentId, ResponseRequest request) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("assignmentId", assignmentId.toString());
        canonical.put("answers", new TreeMap<>(request.answersOrEmpty()));
        canonical.put("comments", new TreeMap<>(request.commentsOrEmpty()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseView view(Assignment a, Cycle c, RaterResponse r) {
        ResponseView.Draft draft = r == null || r.draftSavedAt == null ? null
                : new ResponseView.Draft(read(r.draftAnswers, ANSWERS), read(r.draftComments, COMMENTS), r.draftSavedAt);
        ResponseView.Submission submitted = r == null || !r.isSubmitted() ? null
                : new ResponseView.Submission(a.id, r.revision, r.submittedAt, read(r.submittedAnswers, ANSWERS),
                read(r.submittedComments, COMMENTS));
        return new ResponseView(a.id, a.cycleId, a.subjectEmployeeId, a.raterGroup, c.instrument.key, c.instrument.version,
                c.state, c.state == CycleState.OPEN, draft, submitted);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
