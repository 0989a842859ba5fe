package org.feedback360.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long what the service keeps about events and people stays ({@code notification.retention.*}). */
@ConfigMapping(prefix = "notification.retention")
public interface RetentionConfig {

    /**
     * How long the id of an applied event is remembered, so a redelivered one changes nothing.
     * An event older than this (by its own time) is not applied at all: it might have been
     * applied and forgotten, and is too old to tell anyone about.
     */
    @WithDefault("120d")
    Duration processedEvents();

    /** How long an inbox item is kept, read or not. */
    @WithDefault("365d")
    Duration inbox();
}
