-- Battle passes. pass_xp remembers every game event that gave XP (one row per season and event id: a re-sent
-- event counts once) with its source and amount, which is also what a player sees of their XP; pass_daily counts
-- each source's XP per player and day against its cap; pass_claims holds each reward claimed, once.
CREATE TABLE pass_seasons (
    id         VARCHAR(40)  NOT NULL PRIMARY KEY,
    name       VARCHAR(80)  NOT NULL,
    starts_at  BIGINT       NOT NULL,
    ends_at    BIGINT       NOT NULL,
    definition ${text}      NOT NULL,
    created_at BIGINT       NOT NULL
);

CREATE TABLE pass_progress (
    season_id  VARCHAR(40) NOT NULL,
    player     VARCHAR(36) NOT NULL,
    xp         BIGINT      NOT NULL,
    premium    INTEGER     NOT NULL,
    updated_at BIGINT      NOT NULL,
    PRIMARY KEY (season_id, player)
);
CREATE INDEX pass_progress_rank ON pass_progress (season_id, xp);

CREATE TABLE pass_xp (
    season_id VARCHAR(40) NOT NULL,
    event_id  VARCHAR(36) NOT NULL,
    player    VARCHAR(36) NOT NULL,
    source    VARCHAR(64) NOT NULL,
    xp        BIGINT      NOT NULL,
    at        BIGINT      NOT NULL,
    PRIMARY KEY (season_id, event_id)
);
CREATE INDEX pass_xp_player ON pass_xp (season_id, player, at);

CREATE TABLE pass_daily (
    season_id VARCHAR(40) NOT NULL,
    player    VARCHAR(36) NOT NULL,
    source    VARCHAR(64) NOT NULL,
    day       INTEGER     NOT NULL,
    xp        BIGINT      NOT NULL,
    PRIMARY KEY (season_id, player, source, day)
);

CREATE TABLE pass_claims (
    season_id VARCHAR(40) NOT NULL,
    player    VARCHAR(36) NOT NULL,
    tier      INTEGER     NOT NULL,
    track     VARCHAR(8)  NOT NULL,
    at        BIGINT      NOT NULL,
    PRIMARY KEY (season_id, player, tier, track)
);
