package org.feedback360.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** This service's own settings ({@code scoring.*}). */
@ConfigMapping(prefix = "scoring")
public interface ScoringConfig {

    /** The topics consumed; the channels read them through {@code mp.messaging.incoming.*.topic}. */
    Topics topics();

    /** How a rebuild reads and writes. */
    Rebuild rebuild();

    interface Topics {
        @WithDefault("feedback.cycles")
        String cycles();

        @WithDefault("feedback.responses")
        String responses();
    }

    interface Rebuild {
        /** Subjects written per JDBC batch (and per transaction). */
        @WithDefault("2000")
        int writeBatch();

        /** Threads that read events and compute subjects (default: the processor count). */
        @WithDefault("0")
        int threads();
    }
}
