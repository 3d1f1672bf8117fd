package dev.veltrix.server.config;

import java.time.Duration;

/**
 * Scheduled backups: where archives go (empty: no schedule), how often one is taken (and drilled by restoring it), and
 * how many of the newest are kept.
 */
public record BackupSettings(String directory, Duration interval, int keep) {
    public static final BackupSettings OFF = new BackupSettings("", Duration.ofHours(24), 7);

    public boolean enabled() {
        return !directory.isBlank();
    }
}
