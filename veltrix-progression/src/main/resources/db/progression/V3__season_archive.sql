-- A season that has ended is archived once: rewards reached but not claimed are granted, then every player's final
-- standing is kept in pass_archive and the season is marked archived (no claims after that).
ALTER TABLE pass_seasons ADD archived_at BIGINT;

CREATE TABLE pass_archive (
    season_id VARCHAR(40) NOT NULL,
    player    VARCHAR(36) NOT NULL,
    place     INTEGER     NOT NULL,
    xp        BIGINT      NOT NULL,
    tier      INTEGER     NOT NULL,
    premium   INTEGER     NOT NULL,
    rewards   INTEGER     NOT NULL,
    PRIMARY KEY (season_id, player)
);
CREATE INDEX pass_archive_place ON pass_archive (season_id, place);
CREATE INDEX pass_archive_player ON pass_archive (player);
