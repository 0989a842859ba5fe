package org.feedback360.scoring.rebuild;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a rebuild did. When the consumer's state was right, {@code aggregatesChanged} and
 * {@code reportsChanged} are 0: the rebuild arrived at the same numbers.
 *
 * @param source            {@code store} (the stored ratings) or {@code topic} (a replay of the topics)
 * @param tenant            the tenant rebuilt, or null for every tenant
 * @param recordsRead       Kafka records read (topic) or stored ratings read (store)
 * @param ratings           latest ratings the reports were computed from
 * @param aggregatesChanged aggregates that differed from the stored ones (or were missing)
 * @param reportsChanged    frozen reports that differed from the stored ones (or were missing)
 * @param reportsPublished  reports frozen for the first time by this rebuild, announced with ReportPublished
 * @param caughtUp          subjects recomputed from the store afterwards because events arrived meanwhile
 */
public record RebuildSummary(String source, String tenant, long recordsRead, int cycles, long ratings, long subjects,
                             long aggregatesChanged, long reportsChanged, long reportsPublished, long caughtUp,
                             long readMillis, long writeMillis, long totalMillis) {

    /** Records per second over the whole rebuild. */
    @JsonProperty("recordsPerSecond")
    public double recordsPerSecond() {
        return totalMillis == 0 ? recordsRead : recordsRead * 1000.0 / totalMillis;
    }
}
