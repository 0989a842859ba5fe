package org.feedback360.gateway.proxy;

import org.feedback360.gateway.route.Route;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for one upstream, with MicroProfile Fault Tolerance's semantics: closed, it
 * keeps the outcomes of the last {@code requestVolumeThreshold} calls and opens when the share
 * of failures among them reaches {@code failureRatio}; open, it refuses every call for
 * {@code delay}; then half-open, it lets {@code successThreshold} probe calls through: all of
 * them succeeding closes it, any failing opens it again.
 * <p>
 * Why not SmallRye Fault Tolerance's guard: for a guarded {@code CompletionStage} on an event
 * loop, its 6.10 thread-offload step runs the call and again its completion as separate tasks on
 * the Vert.x context, and it records Micrometer metrics by name on every call; measured, that was
 * a fifth of the gateway's CPU per request. This state machine costs two volatile reads per call
 * while closed and healthy (its window full of successes, which another success leaves as it
 * is); only a failure, a window still filling, or an open or half-open breaker take its lock.
 * <p>
 * A call asks {@link #acquire()} for a permit and reports its outcome with that permit; outcomes
 * of calls let through before the last state change are ignored, so a slow call that began
 * while closed cannot pass for a probe.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    /** What {@link #acquire()} answers when the call must not be made. */
    static final long REFUSED = -1;

    private final int window;
    private final int failureThreshold;
    private final long delayNanos;
    private final int successThreshold;
    private final LongSupplier nanoClock;
    private final Consumer<State> onStateChange;

    private volatile State state = State.CLOSED;
    /** The generation while closed, -1 otherwise: lets a closed breaker hand out permits without the lock. */
    private volatile long closedGeneration = 0;
    /** The generation while closed with a full window of successes, -1 otherwise: successes then need no recording. */
    private volatile long quietGeneration = -1;
    // Guarded by this.
    private long generation;
    private final boolean[] outcomes;
    private int recorded;
    private int nextSlot;
    private int failures;
    private long openedAt;
    private int probesLetThrough;
    private int probesSucceeded;

    CircuitBreaker(Route.BreakerPolicy policy, LongSupplier nanoClock, Consumer<State> onStateChange) {
        if (policy.requestVolumeThreshold() < 1 || policy.successThreshold() < 1
                || policy.failureRatio() <= 0 || policy.failureRatio() > 1) {
            throw new IllegalArgumentException("Invalid circuit breaker settings: " + policy);
        }
        this.window = policy.requestVolumeThreshold();
        this.failureThreshold = (int) Math.ceil(policy.failureRatio() * window);
        this.delayNanos = policy.delay().toNanos();
        this.successThreshold = policy.successThreshold();
        this.nanoClock = nanoClock;
        this.onStateChange = onStateChange;
        this.outcomes = new boolean[window];
    }

    State state() {
        return state;
    }

    /** A permit for one call, or {@link #REFUSED}. */
    long acquire() {
        long closed = closedGeneration;
        if (closed >= 0) {
            return closed;
        }
        State changed = null;
        long permit;
        synchronized (this) {
            if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= delayNanos) {
                changed = moveTo(State.HALF_OPEN);
            }
            if (state == State.CLOSED) {
                permit = generation;
            } else if (state == State.OPEN || (state == State.HALF_OPEN && probesLetThrough >= successThreshold)) {
                permit = REFUSED;
            } else {
                if (state == State.HALF_OPEN) {
                    probesLetThrough++;
                }
                permit = generation;
            }
        }
        notify(changed);
        return permit;
    }

    void succeeded(long permit) {
        if (permit == quietGeneration) {
            return;
        }
        record(permit, true);
    }

    void failed(long permit) {
        record(permit, false);
    }

    /** The call ended in a way that says nothing about the upstream (the client left): its probe slot is free again. */
    synchronized void released(long permit) {
        if (permit == generation && state == State.HALF_OPEN) {
            probesLetThrough--;
        }
    }

    private void record(long permit, boolean success) {
        State changed = null;
        synchronized (this) {
            if (permit != generation) {
                return;
            }
            if (state == State.CLOSED) {
                if (recorded == window && !outcomes[nextSlot]) {
                    failures--;
                }
                outcomes[nextSlot] = success;
                nextSlot = (nextSlot + 1) % window;
                recorded = Math.min(window, recorded + 1);
                if (!success) {
                    failures++;
                }
                if (recorded == window && failures >= failureThreshold) {
                    changed = moveTo(State.OPEN);
                } else {
                    quietGeneration = recorded == window && failures == 0 ? generation : -1;
                }
            } else if (state == State.HALF_OPEN) {
                if (!success) {
                    changed = moveTo(State.OPEN);
                } else if (++probesSucceeded >= successThreshold) {
                    changed = moveTo(State.CLOSED);
                }
            }
        }
        notify(changed);
    }

    /** Called holding the lock. */
    private State moveTo(State next) {
        generation++;
        state = next;
        closedGeneration = next == State.CLOSED ? generation : -1;
        quietGeneration = -1;
        switch (next) {
            case OPEN -> openedAt = nanoClock.getAsLong();
            case HALF_OPEN -> {
                probesLetThrough = 0;
                probesSucceeded = 0;
            }
            case CLOSED -> {
                recorded = 0;
                nextSlot = 0;
                failures = 0;
            }
        }
        return next;
    }

    private void notify(State changed) {
        if (changed != null) {
            onStateChange.accept(changed);
        }
    }
}
