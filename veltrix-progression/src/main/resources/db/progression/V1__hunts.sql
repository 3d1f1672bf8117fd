-- Treasure hunts. hunt_events is the timeline every hunt is rebuilt from; hunt_finds and hunt_finishers are its
-- projection, written in the same transaction. A find takes its hunt's row lock first, so the ranks of one hunt
-- are given out one at a time on every database: exactly N winners per treasure, however many finds race.
CREATE TABLE hunt_hunts (
    id              VARCHAR(40)  NOT NULL PRIMARY KEY,
    name            VARCHAR(80)  NOT NULL,
    starts_at       BIGINT       NOT NULL,
    ends_at         BIGINT       NOT NULL,
    ordered         INTEGER      NOT NULL,
    finish_currency VARCHAR(16),
    finish_amount   BIGINT       NOT NULL,
    finish_winners  INTEGER      NOT NULL,
    created_at      BIGINT       NOT NULL
);

CREATE TABLE hunt_treasures (
    hunt_id         VARCHAR(40)  NOT NULL,
    id              VARCHAR(40)  NOT NULL,
    position        INTEGER      NOT NULL,
    clue            VARCHAR(500) NOT NULL,
    world           VARCHAR(64),
    x               DOUBLE PRECISION NOT NULL,
    y               DOUBLE PRECISION NOT NULL,
    z               DOUBLE PRECISION NOT NULL,
    radius          DOUBLE PRECISION NOT NULL,
    item            VARCHAR(64),
    winners         INTEGER      NOT NULL,
    reward_currency VARCHAR(16),
    reward_amount   BIGINT       NOT NULL,
    PRIMARY KEY (hunt_id, id)
);

CREATE TABLE hunt_finds (
    hunt_id     VARCHAR(40) NOT NULL,
    treasure_id VARCHAR(40) NOT NULL,
    player      VARCHAR(36) NOT NULL,
    rank        INTEGER     NOT NULL,
    at          BIGINT      NOT NULL,
    rewarded    INTEGER     NOT NULL,
    PRIMARY KEY (hunt_id, treasure_id, player)
);
CREATE INDEX hunt_finds_player ON hunt_finds (hunt_id, player);

CREATE TABLE hunt_finishers (
    hunt_id  VARCHAR(40) NOT NULL,
    player   VARCHAR(36) NOT NULL,
    rank     INTEGER     NOT NULL,
    at       BIGINT      NOT NULL,
    rewarded INTEGER     NOT NULL,
    PRIMARY KEY (hunt_id, player)
);

CREATE TABLE hunt_events (
    hunt_id  VARCHAR(40)  NOT NULL,
    seq      INTEGER      NOT NULL,
    id       VARCHAR(36)  NOT NULL,
    at       BIGINT       NOT NULL,
    kind     VARCHAR(24)  NOT NULL,
    player   VARCHAR(36),
    treasure VARCHAR(40),
    rank     INTEGER,
    detail   VARCHAR(2000) NOT NULL,
    PRIMARY KEY (hunt_id, seq)
);
