-- The transactional outbox: capabilities append events in the same transaction as their change.
-- seq orders events; event_id (UUIDv7) lets consumers drop redeliveries.
CREATE TABLE outbox_events (
    seq         ${id_pk},
    event_id    VARCHAR(36)  NOT NULL,
    type        VARCHAR(64)  NOT NULL,
    event_key   VARCHAR(128) NOT NULL,
    occurred_at BIGINT       NOT NULL,
    source      VARCHAR(32)  NOT NULL,
    payload     ${text}      NOT NULL,
    CONSTRAINT uq_outbox_event_id UNIQUE (event_id)
);

-- How far each durable reader (the relay, each game server's stream) has got.
CREATE TABLE outbox_cursors (
    consumer VARCHAR(100) NOT NULL PRIMARY KEY,
    seq      BIGINT       NOT NULL
);

-- Jobs that must run on exactly one node hold a lease that they renew.
CREATE TABLE leases (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    holder     VARCHAR(100) NOT NULL,
    expires_at BIGINT       NOT NULL
);
