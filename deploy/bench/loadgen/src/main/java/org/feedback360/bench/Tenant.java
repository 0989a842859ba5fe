package org.feedback360.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A realistic tenant for the benchmark: {@code people} employees in an org chart with a span
 * of control of five (so a fifth of them lead), every leader a subject of one open cycle of
 * the default instrument, and everyone's to-do list fetched once, as their apps would.
 */
final class Tenant {

    static final int SPAN = 5;

    record Assignment(String assignmentId, String raterId, String subjectId, String group) {
    }

    final String tenant;
    final String cycleId;
    final List<Assignment> assignments;
    final List<String> subjects;

    private Tenant(String tenant, String cycleId, List<Assignment> assignments, List<String> subjects) {
        this.tenant = tenant;
        this.cycleId = cycleId;
        this.assignments = assignments;
        this.subjects = subjects;
    }

    static String employeeId(int i) {
        return String.format("B-%05d", i);
    }

    /** Node i manages 5i+1 … 5i+5: breadth-first, so every manager comes before their reports. */
    static String managerOf(int i) {
        return i == 0 ? null : employeeId((i - 1) / SPAN);
    }

    static Tenant create(Http gateway, Tokens tokens, String tenant, int people, Path stateFile) {
        String hr = tokens.hrAdmin(tenant, "B-HR");
        long known = gateway.get("/api/v1/people?size=1", hr).expect(200).json().path("total").asLong();
        if (known < people) {
            Instant t0 = Instant.now();
            for (int from = 0; from < people; from += 2000) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = from; i < Math.min(people, from + 2000); i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("employeeId", employeeId(i));
                    row.put("name", "Bench Person " + i);
                    row.put("email", "p" + i + "@" + tenant + ".example");
                    row.put("locale", i % 3 == 0 ? "de" : "en");
                    row.put("managerEmployeeId", managerOf(i));
                    rows.add(row);
                }
                gateway.post("/api/v1/people/import", hr, rows).expect(200);
            }
            Bench.note("imported %d people in %d s", people, Duration.between(t0, Instant.now()).toSeconds());
        }
        List<String> subjects = new ArrayList<>();
        for (int i = 0; SPAN * i + 1 < people; i++) {
            subjects.add(employeeId(i));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> cycle = new LinkedHashMap<>();
        cycle.put("name", "Benchmark " + now);
        cycle.put("instrument", Map.of("key", "leader-follower", "version", 1));
        cycle.put("subjects", subjects);
        cycle.put("opensAt", now.toString());
        cycle.put("closesAt", now.plus(Duration.ofDays(14)).toString());
        cycle.put("reminders", List.of());
        String cycleId = gateway.post("/api/v1/cycles", hr, cycle).expect(201).json().path("id").asText();
        Instant t0 = Instant.now();
        gateway.post("/api/v1/cycles/" + cycleId + "/open", hr, "").expect(200);
        Bench.note("opened a cycle for %d subjects in %d ms", subjects.size(), Duration.between(t0, Instant.now()).toMillis());

        List<Assignment> assignments = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String rater = employeeId(i);
            done.add(pool.submit(() -> {
                JsonNode todo = gateway.get("/api/v1/me/assignments", tokens.employee(tenant, rater)).expect(200).json();
                for (JsonNode a : todo) {
                    if (cycleId.equals(a.path("cycleId").asText())) {
                        assignments.add(new Assignment(a.path("assignmentId").asText(), rater,
                                a.path("subjectEmployeeId").asText(), a.path("group").asText()));
                    }
                }
            }));
        }
        await(done);
        pool.shutdown();
        Tenant t = new Tenant(tenant, cycleId, List.copyOf(assignments), subjects);
        t.save(stateFile);
        return t;
    }

    private void save(Path file) {
        StringBuilder out = new StringBuilder(tenant + "\t" + cycleId + "\n");
        for (Assignment a : assignments) {
            out.append(a.assignmentId()).append('\t').append(a.raterId()).append('\t').append(a.subjectId())
                    .append('\t').append(a.group()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Tenant load(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            String[] head = lines.get(0).split("\t");
            List<Assignment> assignments = new ArrayList<>();
            List<String> subjects = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                assignments.add(new Assignment(f[0], f[1], f[2], f[3]));
                if ("SELF".equals(f[3])) {
                    subjects.add(f[2]);
                }
            }
            return new Tenant(head[0], head[1], assignments, subjects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void await(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
