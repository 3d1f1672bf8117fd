-- Every scheduled (or requested) backup and the restore drill that proved it: restored into a scratch database and
-- verified. A run whose drill failed, or never ran, is a backup nobody should count on.
CREATE TABLE ops_backups (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    file        VARCHAR(500) NOT NULL,
    taken_at    BIGINT       NOT NULL,
    bytes       BIGINT       NOT NULL,
    rows_total  BIGINT       NOT NULL,
    verified_at BIGINT,
    verified    INTEGER      NOT NULL,
    problems    ${text}
);
CREATE INDEX ops_backups_taken ON ops_backups (taken_at);
