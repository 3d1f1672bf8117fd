package dev.veltrix.server.claims;

import dev.veltrix.storage.lease.LeasedTask;
import dev.veltrix.storage.lease.Leases;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the claims' expiry sweep every hour on the one node that holds the {@code claims-expiry} lease. */
public final class ExpirySweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);

    private final LeasedTask task;

    public ExpirySweeper(ClaimExpiry expiry, Leases leases, String nodeId) {
        task = new LeasedTask(leases, "claims-expiry", nodeId, Duration.ofHours(1), () -> {
            ClaimExpiry.Sweep sweep = expiry.sweep();
            if (sweep.warned() + sweep.expired() + sweep.purged() > 0) {
                LOG.info("claims expiry: {} owners warned, {} claims archived, {} archived claims purged",
                        sweep.warned(), sweep.expired(), sweep.purged());
            }
        });
    }

    @Override
    public void close() {
        task.close();
    }
}
