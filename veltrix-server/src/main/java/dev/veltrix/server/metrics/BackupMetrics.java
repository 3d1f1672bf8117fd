package dev.veltrix.server.metrics;

import dev.veltrix.ops.backup.ScheduledBackups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;

/**
 * When the last backup was written and when the last one was proven by its restore drill, as Unix seconds (0 when
 * never): an alert fires when the second is older than a day and a bit.
 */
public final class BackupMetrics {
    private BackupMetrics() {
    }

    public static void register(MeterRegistry registry, ScheduledBackups backups) {
        Gauge.builder("veltrix.backup.last.success.timestamp", backups, b -> seconds(b.lastSuccess())).baseUnit("seconds")
                .description("when the last backup was written, Unix time; 0 when none was").register(registry);
        Gauge.builder("veltrix.backup.last.verified.timestamp", backups, b -> seconds(b.lastVerified())).baseUnit("seconds")
                .description("when the last backup that passed its restore drill was taken, Unix time; 0 when none did").register(registry);
    }

    private static double seconds(Optional<Instant> at) {
        return at.map(Instant::getEpochSecond).orElse(0L);
    }
}
