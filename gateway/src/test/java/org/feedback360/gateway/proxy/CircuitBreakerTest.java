package org.feedback360.gateway.proxy;

import org.feedback360.gateway.route.Route;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.feedback360.gateway.proxy.CircuitBreaker.REFUSED;
import static org.feedback360.gateway.proxy.CircuitBreaker.State.CLOSED;
import static org.feedback360.gateway.proxy.CircuitBreaker.State.HALF_OPEN;
import static org.feedback360.gateway.proxy.CircuitBreaker.State.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The breaker's state machine, on a clock the test moves. */
class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final List<CircuitBreaker.State> changes = new ArrayList<>();
    // 4 calls in the window, open at 2 failures, 1 s open, 2 probes.
    private final CircuitBreaker breaker = new CircuitBreaker(
            new Route.BreakerPolicy(4, 0.5, Duration.ofSeconds(1), 2), now::get, changes::add);

    @Test
    void opensOnlyWhenTheWindowIsFullAndFailingEnough() {
        breaker.failed(breaker.acquire());
        breaker.failed(breaker.acquire());
        breaker.succeeded(breaker.acquire());
        assertEquals(CLOSED, breaker.state(), "3 calls do not fill a window of 4");
        breaker.succeeded(breaker.acquire());
        assertEquals(OPEN, breaker.state());
        assertEquals(REFUSED, breaker.acquire());
    }

    @Test
    void theWindowRolls() {
        for (int i = 0; i < 10; i++) {
            breaker.succeeded(breaker.acquire());
        }
        breaker.failed(breaker.acquire());
        breaker.succeeded(breaker.acquire());
        breaker.succeeded(breaker.acquire());
        breaker.succeeded(breaker.acquire());
        assertEquals(CLOSED, breaker.state(), "1 failure in the last 4");
        breaker.failed(breaker.acquire());
        assertEquals(CLOSED, breaker.state(), "the old failure left the window as this one came in");
        breaker.failed(breaker.acquire());
        assertEquals(OPEN, breaker.state());
    }

    @Test
    void halfOpenLetsTheProbesThroughAndClosesWhenTheySucceed() {
        open();
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertEquals(REFUSED, breaker.acquire());
        now.addAndGet(Duration.ofMillis(1).toNanos());
        long probe1 = breaker.acquire();
        long probe2 = breaker.acquire();
        assertEquals(HALF_OPEN, breaker.state());
        assertNotEquals(REFUSED, probe1);
        assertNotEquals(REFUSED, probe2);
        assertEquals(REFUSED, breaker.acquire(), "no more than the probes");
        breaker.succeeded(probe1);
        assertEquals(HALF_OPEN, breaker.state());
        breaker.succeeded(probe2);
        assertEquals(CLOSED, breaker.state());
        assertEquals(List.of(OPEN, HALF_OPEN, CLOSED), changes);
    }

    @Test
    void aFailedProbeOpensItAgain() {
        open();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        long probe = breaker.acquire();
        breaker.failed(probe);
        assertEquals(OPEN, breaker.state());
        assertEquals(REFUSED, breaker.acquire());
    }

    @Test
    void aProbeWhoseClientLeftFreesItsSlot() {
        open();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        long probe1 = breaker.acquire();
        breaker.acquire();
        assertEquals(REFUSED, breaker.acquire());
        breaker.released(probe1);
        assertNotEquals(REFUSED, breaker.acquire());
    }

    @Test
    void lateOutcomesOfCallsFromBeforeAChangeAreIgnored() {
        long slow = breaker.acquire();
        open();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        long probe = breaker.acquire();
        breaker.failed(slow);
        assertEquals(HALF_OPEN, breaker.state(), "a call from the closed period is no probe");
        breaker.succeeded(probe);
        breaker.succeeded(breaker.acquire());
        assertEquals(CLOSED, breaker.state());
    }

    private void open() {
        for (int i = 0; i < 4; i++) {
            breaker.failed(breaker.acquire());
        }
        assertEquals(OPEN, breaker.state());
    }
}
