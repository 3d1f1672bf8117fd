package dev.veltrix.storage.lease;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job that must run on one node of a cluster: every interval, the node that holds (or takes) the
 * named lease runs it; the others skip. A failure is logged and the next run tries again.
 */
public final class LeasedTask implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeasedTask.class);

    private final ScheduledExecutorService timer;
    private final Leases leases;
    private final String lease;
    private final String nodeId;

    public LeasedTask(Leases leases, String lease, String nodeId, Duration interval, Runnable job) {
        this.leases = leases;
        this.lease = lease;
        this.nodeId = nodeId;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("veltrix-" + lease).daemon().factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (leases.tryAcquire(lease, nodeId, interval.multipliedBy(2))) {
                    job.run();
                }
            } catch (RuntimeException e) {
                LOG.warn("{} failed; the next run tries again: {}", lease, e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            leases.release(lease, nodeId); // another node takes the job at its next run, not after the lease expires
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("could not release lease {} of node {}; it expires on its own", lease, nodeId, e);
        }
    }
}
