package org.feedback360.scoring.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedback360.scoring.cycle.Cycle;
import org.feedback360.scoring.cycle.SubjectKey;
import org.feedback360.support.outbox.Outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Announces frozen reports on {@code scoring.reports} through the transactional outbox, in the
 * caller's transaction. The event id is a name-based UUID of (tenant, cycle, subject): a report is
 * published once, and anything that publishes it again (a rebuild) reuses the id, so consumers
 * deduplicate it.
 */
@ApplicationScoped
public class ReportPublisher {

    /** Namespace of this service's name-based event ids (RFC 9562 version 5). */
    static final UUID NAMESPACE = UUID.fromString("0f6b1c52-3d2e-4c4a-9a77-5c0e2b8d7f31");

    @Inject
    Outbox outbox;

    /**
     * Records ReportPublished unless the outbox holds it already.
     *
     * @return whether it was recorded now
     */
    public boolean publish(Cycle cycle, FrozenReport report) {
        UUID id = eventId(report.subject());
        if (outbox.findById(id) != null) {
            return false;
        }
        String subjectId = report.subject().subjectId();
        outbox.record(id, cycle.tenant(), ReportPublished.TOPIC, subjectId, ReportPublished.TYPE, subjectId,
                ReportPublished.of(cycle, report));
        return true;
    }

    /** The id of the one ReportPublished of a subject in a cycle. */
    public static UUID eventId(SubjectKey subject) {
        return nameBased(NAMESPACE, "ReportPublished/" + subject.tenant() + "/" + subject.cycleId() + "/"
                + subject.subjectId());
    }

    /** RFC 9562 version 5 (SHA-1) name-based UUID. */
    static UUID nameBased(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
