-- XP history kept in segments of the outbox, so that counting an event writes near the end of the tables instead of
-- on a random page of a per-player index that grows all season. A grant's key is (season, segment, player, seq), with
-- seq the event's outbox position and segment = seq >> 12: all grants being written fall in the newest segment, a few
-- hundred pages however long the season. A player's history is read newest first by following links: pass_progress
-- holds the player's newest segment and each grant the segment of the player's grant before it (prev_segment).
-- pass_grants_seq finds what a batch already counted (a re-read batch counts once) by position, also at the end.
CREATE TABLE pass_grants (
    season_id    VARCHAR(40) NOT NULL,
    segment      BIGINT      NOT NULL,
    player       VARCHAR(36) NOT NULL,
    seq          BIGINT      NOT NULL,
    event_id     VARCHAR(36) NOT NULL,
    source       VARCHAR(64) NOT NULL,
    xp           BIGINT      NOT NULL,
    at           BIGINT      NOT NULL,
    prev_segment BIGINT,
    PRIMARY KEY (season_id, segment, player, seq)
) ${without_rowid};
CREATE UNIQUE INDEX pass_grants_seq ON pass_grants (season_id, seq);

-- Grants counted before: one segment (-1) per season, each at its outbox position while the outbox still holds the
-- event (a lost cursor then re-reads it as counted), else at a negative position no event has.
INSERT INTO pass_grants (season_id, segment, player, seq, event_id, source, xp, at, prev_segment)
SELECT x.season_id, -1, x.player, COALESCE(o.seq, -ROW_NUMBER() OVER (ORDER BY x.at, x.event_id)), x.event_id, x.source, x.xp, x.at, NULL
FROM pass_xp x LEFT JOIN outbox_events o ON o.event_id = x.event_id;

-- Every grant updates its player's progress and daily rows: each table is kept as one B-tree in its key's order
-- (on SQLite, as InnoDB does on MariaDB), not a table and a separate index on its key. Every player with a grant has
-- a progress row, which holds the way into their history.
CREATE TABLE pass_progress_v6 (
    season_id    VARCHAR(40) NOT NULL,
    player       VARCHAR(36) NOT NULL,
    xp           BIGINT      NOT NULL,
    premium      INTEGER     NOT NULL,
    updated_at   BIGINT      NOT NULL,
    last_segment BIGINT,
    PRIMARY KEY (season_id, player)
) ${without_rowid};
INSERT INTO pass_progress_v6 (season_id, player, xp, premium, updated_at, last_segment)
SELECT season_id, player, xp, premium, updated_at, NULL FROM pass_progress;
INSERT INTO pass_progress_v6 (season_id, player, xp, premium, updated_at, last_segment)
SELECT season_id, player, 0, 0, MAX(at), NULL FROM pass_xp x
WHERE NOT EXISTS (SELECT 1 FROM pass_progress p WHERE p.season_id = x.season_id AND p.player = x.player)
GROUP BY season_id, player;
UPDATE pass_progress_v6 SET last_segment = -1
WHERE EXISTS (SELECT 1 FROM pass_xp x WHERE x.season_id = pass_progress_v6.season_id AND x.player = pass_progress_v6.player);
DROP TABLE pass_progress;
ALTER TABLE pass_progress_v6 RENAME TO pass_progress;
CREATE INDEX pass_progress_rank ON pass_progress (season_id, xp);

CREATE TABLE pass_daily_v6 (
    season_id VARCHAR(40) NOT NULL,
    player    VARCHAR(36) NOT NULL,
    source    VARCHAR(64) NOT NULL,
    day       INTEGER     NOT NULL,
    xp        BIGINT      NOT NULL,
    PRIMARY KEY (season_id, player, source, day)
) ${without_rowid};
INSERT INTO pass_daily_v6 (season_id, player, source, day, xp) SELECT season_id, player, source, day, xp FROM pass_daily;
DROP TABLE pass_daily;
ALTER TABLE pass_daily_v6 RENAME TO pass_daily;

DROP TABLE pass_xp;
