package org.feedback360.gateway.proxy;

import java.util.function.LongSupplier;

/**
 * The upstream calls of one event loop and one route that are waiting on the upstream, in the
 * order their deadlines fall: every call of a route has the same timeout, so arming a call always
 * appends it at the tail and the list stays sorted. A sweep every
 * {@link UpstreamClients#SWEEP_MILLIS} ms expires calls from the head. Arming, re-arming and disarming
 * are a few field writes, where a Vert.x timer per request (schedule and cancel on the event
 * loop's timer queue plus a shared map of timer ids) cost about 1 % of the gateway's CPU per
 * request. Event-loop confined: no locks.
 */
final class Deadlines {

    /** One call in the list; {@link #expire()} runs on the event loop when its deadline has passed. */
    abstract static class Entry {
        private Entry previous;
        private Entry next;
        private long deadline;
        private boolean armed;

        abstract void expire();
    }

    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private Entry head;
    private Entry tail;

    Deadlines(long timeoutNanos, LongSupplier nanoClock) {
        this.timeoutNanos = timeoutNanos;
        this.nanoClock = nanoClock;
    }

    /** Starts (or restarts) the entry's timeout now. */
    void arm(Entry entry) {
        if (entry.armed) {
            unlink(entry);
        }
        entry.deadline = nanoClock.getAsLong() + timeoutNanos;
        entry.armed = true;
        entry.previous = tail;
        entry.next = null;
        if (tail == null) {
            head = entry;
        } else {
            tail.next = entry;
        }
        tail = entry;
    }

    void disarm(Entry entry) {
        if (entry.armed) {
            unlink(entry);
        }
    }

    /** Expires every entry whose deadline has passed. */
    void sweep() {
        long now = nanoClock.getAsLong();
        while (head != null && head.deadline - now <= 0) {
            Entry expired = head;
            unlink(expired);
            expired.expire();
        }
    }

    boolean isEmpty() {
        return head == null;
    }

    private void unlink(Entry entry) {
        if (entry.previous == null) {
            head = entry.next;
        } else {
            entry.previous.next = entry.next;
        }
        if (entry.next == null) {
            tail = entry.previous;
        } else {
            entry.next.previous = entry.previous;
        }
        entry.previous = null;
        entry.next = null;
        entry.armed = false;
    }
}
