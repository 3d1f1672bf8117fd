package dev.veltrix.ops.backup;

import java.time.Instant;

/**
 * One backup and its restore drill: the archive, when it was taken, its size, and whether restoring it into a scratch
 * database and verifying that passed ({@code problems} says what failed; null while the drill has not run).
 */
public record BackupRun(String id, String file, Instant takenAt, long bytes, long rows, Instant verifiedAt, boolean verified, String problems) {
}
