package dev.veltrix.server.claims;

import dev.veltrix.storage.lease.Leases;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the claims' expiry sweep every hour on the one node that holds the {@code claims-expiry} lease. */
public final class ExpirySweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);
    private static final String LEASE = "claims-expiry";
    private static final Duration INTERVAL = Duration.ofHours(1);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("veltrix-claims-expiry").daemon().factory());

    public ExpirySweeper(ClaimExpiry expiry, Leases leases, String nodeId) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (leases.tryAcquire(LEASE, nodeId, INTERVAL.multipliedBy(2))) {
                    ClaimExpiry.Sweep sweep = expiry.sweep();
                    if (sweep.warned() + sweep.expired() + sweep.purged() > 0) {
                        LOG.info("claims expiry: {} owners warned, {} claims archived, {} archived claims purged",
                                sweep.warned(), sweep.expired(), sweep.purged());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("claims expiry sweep failed; the next one retries: {}", e.toString());
            }
        }, 1, INTERVAL.toMinutes(), TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
