package org.kaifang.audit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one thread of this node that gives committed records their places in the chain ({@link AuditTrail#chainPending}).
 * It runs when a transaction that recorded something commits, and otherwise every {@code kaifang.audit.chain-interval}
 * (100 ms by default) while records wait, backing off to ten times that while none do: records committed by another
 * node sharing the database are chained within that time even if its own chainer is down. Chainers of different nodes
 * take turns on the chain head's row lock. On shutdown it stops after the web server and chains what is left.
 */
@Component
class Chainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Chainer.class);

    private final AuditTrail trail;
    private final long intervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean running;
    private @Nullable Thread thread;

    Chainer(AuditTrail trail, @Value("${kaifang.audit.chain-interval:100ms}") Duration interval) {
        this.trail = trail;
        this.intervalNanos = interval.toNanos();
        trail.onRecorded(this::wake);
    }

    /** Asks for a run as soon as the thread is free; cheap, called after every commit that recorded something. */
    void wake() {
        lock.lock();
        try {
            if (!wakeRequested) {
                wakeRequested = true;
                woken.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
        var t = Thread.ofPlatform().daemon().name("audit-chainer").unstarted(this::loop);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        var t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server (its phases are just below the default), so no request is left. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    private void loop() {
        var idle = 0;
        while (running) {
            awaitWakeOr(idle > 0 ? intervalNanos * Math.min(10, idle) : intervalNanos);
            idle = chainAll() ? 0 : idle + 1;
        }
        chainAll();
    }

    /** Chains until nothing waits; whether anything was chained. Failures are logged and retried on the next run. */
    private boolean chainAll() {
        var any = false;
        try {
            while (trail.anyPending()) {
                var chained = trail.chainPending();
                if (chained == 0) {
                    break; // the first pending record was altered, or another node's chainer took them
                }
                any = true;
            }
        } catch (RuntimeException e) {
            if (running) {
                log.warn("Chaining audit records failed; retrying shortly: {}", e.toString());
            }
        }
        return any;
    }

    private void awaitWakeOr(long nanos) {
        lock.lock();
        try {
            var left = nanos;
            while (!wakeRequested && left > 0 && running) {
                left = woken.awaitNanos(left);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
