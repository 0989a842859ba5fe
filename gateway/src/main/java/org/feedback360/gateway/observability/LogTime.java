package org.feedback360.gateway.observability;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 UTC timestamps with milliseconds for log lines, cheaply: the date and time up to the
 * second is formatted once per second per thread, the milliseconds are appended as digits.
 */
final class LogTime {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);

    private static final class Cache {
        long second = Long.MIN_VALUE;
        String prefix;
    }

    private static final ThreadLocal<Cache> CACHE = ThreadLocal.withInitial(Cache::new);

    private LogTime() {
    }

    static void append(StringBuilder out, long epochMillis) {
        Cache cache = CACHE.get();
        long second = Math.floorDiv(epochMillis, 1000);
        if (second != cache.second) {
            cache.second = second;
            cache.prefix = SECONDS.format(Instant.ofEpochSecond(second));
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        out.append(cache.prefix)
                .append((char) ('0' + millis / 100))
                .append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10))
                .append('Z');
    }
}
