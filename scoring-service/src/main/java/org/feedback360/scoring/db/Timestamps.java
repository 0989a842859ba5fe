package org.feedback360.scoring.db;

import java.sql.Timestamp;
import java.time.Instant;

/** Instants to and from JDBC timestamps (timestamptz columns), null-safe. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Timestamp of(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
