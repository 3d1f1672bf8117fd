-- The network's servers and where each online player is. Heartbeats rewrite a server's row; a server
-- whose last heartbeat is older than the timeout is down, and its players are taken offline.
CREATE TABLE network_servers (
    name           VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind           VARCHAR(8)   NOT NULL,
    grp            VARCHAR(32)  NOT NULL,
    address        VARCHAR(255) NOT NULL,
    capacity       INTEGER      NOT NULL,
    tags           VARCHAR(500) NOT NULL,
    maintenance    INTEGER      NOT NULL,
    players        INTEGER      NOT NULL,
    tps            DOUBLE PRECISION NOT NULL,
    memory_mb      INTEGER      NOT NULL,
    last_heartbeat BIGINT       NOT NULL
);

CREATE TABLE network_sessions (
    player      VARCHAR(36) NOT NULL PRIMARY KEY,
    server      VARCHAR(64),
    since       BIGINT      NOT NULL,
    last_server VARCHAR(64),
    left_at     BIGINT
);
CREATE INDEX network_sessions_server ON network_sessions (server);
