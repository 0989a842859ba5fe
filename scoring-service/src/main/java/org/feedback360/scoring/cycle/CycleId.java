package org.feedback360.scoring.cycle;

import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/** A cycle within its tenant: cycle ids come from the feedback service, but every key here includes the tenant. */
public record CycleId(String tenant, UUID cycleId) implements Comparable<CycleId> {

    private static final Comparator<CycleId> ORDER =
            Comparator.comparing(CycleId::tenant).thenComparing(id -> id.cycleId().toString());

    public CycleId {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(cycleId, "cycleId");
    }

    @Override
    public int compareTo(CycleId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return tenant + "/" + cycleId;
    }
}
