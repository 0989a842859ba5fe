package org.feedback360.scoring.support;

import org.feedback360.testsupport.EventContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * feedback-service events for tests, built from the contract's own examples with the fields a
 * test needs replaced, so they keep the producer's shape. Tests check them against the contract.
 */
public final class TestEvents {

    public static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    /** A subject as cycle events carry them, with their manager (may be null). */
    public record Subject(String employeeId, String name, String locale, String managerEmployeeId) {
        public Subject(String employeeId, String name, String locale) {
            this(employeeId, name, locale, null);
        }
    }

    /** A cycle of a test: tenant, id, instrument definition, subjects and policy. */
    public record CycleSpec(String tenant, UUID cycleId, String name, ObjectNode definition, List<Subject> subjects,
                            int k, boolean managerVisible) {
    }

    public static ObjectNode example(String name) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(EventContract.FEEDBACK.dir().resolve("examples/" + name + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An instrument definition; each dimension is written {@code KEY=item1,item2,-item3} where a
     * leading '-' marks a reverse-scored item. Texts in English and German.
     */
    public static ObjectNode definition(String key, List<String> raterGroups, String... dimensions) {
        ObjectNode d = JSON.createObjectNode().put("key", key);
        d.putObject("name").put("en", "Test " + key).put("de", "Test " + key);
        d.putArray("locales").add("en").add("de");
        ArrayNode groups = d.putArray("raterGroups");
        raterGroups.forEach(groups::add);
        ArrayNode dims = d.putArray("dimensions");
        for (String spec : dimensions) {
            String[] parts = spec.split("=");
            ObjectNode dim = dims.addObject().put("key", parts[0]);
            dim.putObject("name").put("en", "Dimension " + parts[0]).put("de", "Dimension " + parts[0] + " (de)");
            ArrayNode items = dim.putArray("items");
            for (String item : parts[1].split(",")) {
                boolean reversed = item.startsWith("-");
                String id = reversed ? item.substring(1) : item;
                ObjectNode i = items.addObject().put("id", id).put("reverseScored", reversed);
                i.putObject("text").put("en", "Item " + id).put("de", "Aussage " + id);
            }
        }
        ObjectNode question = d.putArray("openQuestions").addObject().put("id", "keep-doing");
        question.putObject("text").put("en", "What to keep doing?").put("de", "Was beibehalten?");
        return d;
    }

    /** The worked example's instrument of SCORING.md: TRUST = t1, t2, t3 (reversed); COMMUNICATION = c1, c2. */
    public static ObjectNode workedExampleDefinition() {
        return definition("worked-example", List.of("SELF", "MANAGER", "DIRECT_REPORT", "PEER"),
                "TRUST=t1,t2,-t3", "COMMUNICATION=c1,c2");
    }

    /**
     * A subject's completion counts as feedback-service writes them (its CycleEvent.Counts): the
     * responses submitted about the subject, and the sum of their latest revision numbers.
     */
    public record Counts(long submitted, long revisions) {
        /** Responses that were never revised: each one's latest revision is 1. */
        public static Counts unrevised(long submitted) {
            return new Counts(submitted, submitted);
        }
    }

    /** The completion feedback-service counts for these ResponseSubmitted events: raters, and their latest revisions. */
    public static Map<String, Counts> completionOf(Collection<ObjectNode> responses) {
        Map<String, Map<String, Long>> latest = new LinkedHashMap<>();
        for (ObjectNode response : responses) {
            JsonNode data = response.path("data");
            latest.computeIfAbsent(data.path("subjectId").asText(), s -> new LinkedHashMap<>())
                    .merge(data.path("raterKey").asText(), data.path("revision").asLong(), Math::max);
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        latest.forEach((subject, raters) -> counts.put(subject,
                new Counts(raters.size(), raters.values().stream().mapToLong(Long::longValue).sum())));
        return counts;
    }

    /**
     * CycleOpened, CycleClosed or CycleReleased, with the completion as feedback-service writes it:
     * every subject of the cycle, counts and revisions (none counted: zeros).
     *
     * @param bySubject the completion counts per subject (ignored for CycleOpened)
     */
    public static ObjectNode cycleEvent(String type, CycleSpec cycle, Map<String, Counts> bySubject) {
        ObjectNode event = example(type).put("id", UUID.randomUUID().toString()).put("tenant", cycle.tenant())
                .put("subject", cycle.cycleId().toString()).put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("cycleId", cycle.cycleId().toString()).put("tenant", cycle.tenant()).put("name", cycle.name())
                .put("anonymityThreshold", cycle.k()).put("managerVisible", cycle.managerVisible());
        ObjectNode instrument = (ObjectNode) data.get("instrument");
        instrument.put("key", cycle.definition().get("key").asText()).set("definition", cycle.definition());
        ArrayNode subjects = data.putArray("subjects");
        for (Subject s : cycle.subjects()) {
            ObjectNode subject = subjects.addObject().put("employeeId", s.employeeId()).put("name", s.name())
                    .put("email", s.employeeId().toLowerCase() + "@" + cycle.tenant() + ".example").put("locale", s.locale());
            if (s.managerEmployeeId() != null) {
                subject.put("managerEmployeeId", s.managerEmployeeId());
            }
        }
        if (!type.equals("CycleOpened")) {
            Map<String, Counts> all = new LinkedHashMap<>();
            cycle.subjects().forEach(s -> all.put(s.employeeId(), new Counts(0, 0)));
            all.putAll(bySubject);
            ObjectNode completion = data.putObject("completion");
            ObjectNode counts = completion.putObject("bySubject");
            long submitted = 0;
            for (var e : all.entrySet()) {
                counts.putObject(e.getKey()).put("assignments", e.getValue().submitted() + 2)
                        .put("submitted", e.getValue().submitted()).put("revisions", e.getValue().revisions());
                submitted += e.getValue().submitted();
            }
            completion.put("assignments", submitted + 2L * all.size()).put("submitted", submitted);
        }
        return event;
    }

    /**
     * The cycle event as feedback-service wrote it before its completion carried revisions: such
     * events stay in topics kept forever, and a rebuild replays them.
     */
    public static ObjectNode withoutRevisions(ObjectNode cycleEvent) {
        ObjectNode copy = cycleEvent.deepCopy();
        copy.path("data").path("completion").path("bySubject")
                .forEach(counts -> ((ObjectNode) counts).remove("revisions"));
        return copy;
    }

    /** ResponseSubmitted; answers may hold null (N/A). */
    public static ObjectNode response(String tenant, UUID cycleId, String subjectId, String raterKey, String group,
                                      int revision, Map<String, Integer> answers, Map<String, String> comments) {
        ObjectNode event = example("ResponseSubmitted").put("id", UUID.randomUUID().toString()).put("tenant", tenant)
                .put("subject", subjectId).put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("cycleId", cycleId.toString()).put("subjectId", subjectId).put("raterKey", raterKey)
                .put("group", group).put("revision", revision);
        data.set("answers", JSON.valueToTree(answers));
        data.set("comments", JSON.valueToTree(comments));
        return event;
    }

    /** A rater key of the contract's shape (64 hex digits), derived from a readable name. */
    public static String raterKey(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
