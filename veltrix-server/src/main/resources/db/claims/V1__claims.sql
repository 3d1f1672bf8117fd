-- Land claims for the whole network. A claim's area is what it costs in claim blocks; a player's
-- available blocks are initial + accrued + bonus - used - lost (lost: what abandoning did not return).
CREATE TABLE claim_worlds (
    id         VARCHAR(100) NOT NULL PRIMARY KEY,
    name       VARCHAR(64)  NOT NULL,
    grp        VARCHAR(32)  NOT NULL,
    min_x      INTEGER      NOT NULL,
    min_y      INTEGER      NOT NULL,
    min_z      INTEGER      NOT NULL,
    max_x      INTEGER      NOT NULL,
    max_y      INTEGER      NOT NULL,
    max_z      INTEGER      NOT NULL,
    created_at BIGINT       NOT NULL
);

CREATE TABLE claims (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    world      VARCHAR(100) NOT NULL,
    owner      VARCHAR(36),
    parent     VARCHAR(36),
    min_x      INTEGER      NOT NULL,
    min_y      INTEGER      NOT NULL,
    min_z      INTEGER      NOT NULL,
    max_x      INTEGER      NOT NULL,
    max_y      INTEGER      NOT NULL,
    max_z      INTEGER      NOT NULL,
    restricted INTEGER      NOT NULL,
    created_at BIGINT       NOT NULL
);
CREATE INDEX claims_world_x ON claims (world, min_x);
CREATE INDEX claims_owner ON claims (owner);

CREATE TABLE claim_trust (
    claim_id VARCHAR(36) NOT NULL,
    subject  VARCHAR(60) NOT NULL,
    trust    VARCHAR(12) NOT NULL,
    PRIMARY KEY (claim_id, subject)
);

CREATE TABLE claim_flags (
    claim_id   VARCHAR(36) NOT NULL,
    flag       VARCHAR(20) NOT NULL,
    flag_value INTEGER     NOT NULL,
    PRIMARY KEY (claim_id, flag)
);

CREATE TABLE claim_players (
    player      VARCHAR(36) NOT NULL PRIMARY KEY,
    accrued     BIGINT      NOT NULL,
    bonus       BIGINT      NOT NULL,
    lost        BIGINT      NOT NULL,
    last_active BIGINT      NOT NULL
);

-- Activity reports already counted toward accrued blocks: a report sent twice counts once.
CREATE TABLE claim_accruals (
    report_key VARCHAR(120) NOT NULL PRIMARY KEY,
    player     VARCHAR(36)  NOT NULL,
    minutes    INTEGER      NOT NULL,
    at         BIGINT       NOT NULL
);

-- Denied actions game servers report: who probes whose land, and where.
CREATE TABLE claim_incidents (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    at          BIGINT       NOT NULL,
    player      VARCHAR(36)  NOT NULL,
    action      VARCHAR(12)  NOT NULL,
    world       VARCHAR(100) NOT NULL,
    x           INTEGER      NOT NULL,
    y           INTEGER      NOT NULL,
    z           INTEGER      NOT NULL,
    claim_id    VARCHAR(36),
    claim_owner VARCHAR(36)
);
CREATE INDEX claim_incidents_at ON claim_incidents (at);

-- Claims removed because their owner was inactive, restorable by an admin during the grace period.
CREATE TABLE claim_archive (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    owner      VARCHAR(36),
    world      VARCHAR(100) NOT NULL,
    state      ${text}      NOT NULL,
    expired_at BIGINT       NOT NULL
);

-- Expiry warnings sent, so each lead time warns an owner once per stretch of inactivity.
CREATE TABLE claim_expiry_warnings (
    owner       VARCHAR(36) NOT NULL,
    lead_days   INTEGER     NOT NULL,
    last_active BIGINT      NOT NULL,
    sent_at     BIGINT      NOT NULL,
    PRIMARY KEY (owner, lead_days, last_active)
);
