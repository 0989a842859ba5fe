package org.feedback360.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-loop deadline list, on a clock the test moves (timeout 100 ns). */
class DeadlinesTest {

    private final AtomicLong now = new AtomicLong();
    private final Deadlines deadlines = new Deadlines(100, now::get);
    private final List<String> expired = new ArrayList<>();

    private Deadlines.Entry entry(String name) {
        return new Deadlines.Entry() {
            @Override
            void expire() {
                expired.add(name);
            }
        };
    }

    @Test
    void expiresInDeadlineOrderAndOnlyWhenDue() {
        Deadlines.Entry a = entry("a");
        Deadlines.Entry b = entry("b");
        deadlines.arm(a);
        now.set(10);
        deadlines.arm(b);
        now.set(99);
        deadlines.sweep();
        assertEquals(List.of(), expired);
        now.set(100);
        deadlines.sweep();
        assertEquals(List.of("a"), expired);
        now.set(110);
        deadlines.sweep();
        assertEquals(List.of("a", "b"), expired);
        assertTrue(deadlines.isEmpty());
    }

    @Test
    void reArmingMovesAnEntryBackAndDisarmingRemovesIt() {
        Deadlines.Entry a = entry("a");
        Deadlines.Entry b = entry("b");
        Deadlines.Entry c = entry("c");
        deadlines.arm(a);
        deadlines.arm(b);
        deadlines.arm(c);
        now.set(50);
        deadlines.arm(a); // a piece of the answer came: a's silence starts again
        deadlines.disarm(b); // b's answer is complete
        deadlines.disarm(b); // twice is harmless
        now.set(100);
        deadlines.sweep();
        assertEquals(List.of("c"), expired);
        now.set(150);
        deadlines.sweep();
        assertEquals(List.of("c", "a"), expired);
        assertTrue(deadlines.isEmpty());
    }

    @Test
    void anEntryExpiringMayDisarmItselfAndOthers() {
        Deadlines.Entry b = entry("b");
        Deadlines.Entry a = new Deadlines.Entry() {
            @Override
            void expire() {
                expired.add("a");
                deadlines.disarm(this);
                deadlines.disarm(b);
            }
        };
        deadlines.arm(a);
        deadlines.arm(b);
        now.set(200);
        deadlines.sweep();
        assertEquals(List.of("a"), expired);
        assertTrue(deadlines.isEmpty());
    }
}
