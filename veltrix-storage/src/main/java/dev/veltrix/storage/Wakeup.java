package dev.veltrix.storage;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a polling thread early. Wake-ups coalesce: any number of {@link #wake()} calls before a wait
 * end that one wait, so a burst of commits costs the poller one extra round, not one per commit.
 */
public final class Wakeup {
    private final Semaphore permits = new Semaphore(0);

    /** Cheap and safe from any thread. */
    public void wake() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits until woken or {@code millis} pass; returns false when the thread was interrupted. */
    public boolean await(long millis) {
        try {
            permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
            permits.drainPermits();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
