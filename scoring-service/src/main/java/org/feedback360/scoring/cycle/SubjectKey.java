package org.feedback360.scoring.cycle;

import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/** A subject of a cycle within its tenant: the key of aggregates and reports (subject ids repeat across tenants). */
public record SubjectKey(String tenant, UUID cycleId, String subjectId) implements Comparable<SubjectKey> {

    private static final Comparator<SubjectKey> ORDER = Comparator.comparing(SubjectKey::cycle)
            .thenComparing(SubjectKey::subjectId);

    public SubjectKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(cycleId, "cycleId");
        Objects.requireNonNull(subjectId, "subjectId");
    }

    public static SubjectKey of(CycleId cycle, String subjectId) {
        return new SubjectKey(cycle.tenant(), cycle.cycleId(), subjectId);
    }

    public CycleId cycle() {
        return new CycleId(tenant, cycleId);
    }

    @Override
    public int compareTo(SubjectKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return tenant + "/" + cycleId + "/" + subjectId;
    }
}
