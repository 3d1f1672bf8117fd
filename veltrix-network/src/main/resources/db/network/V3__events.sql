-- Ids of the game events already taken in, so a batch sent again is ignored event by event. The events
-- themselves go to the outbox in the same transaction; rows here are pruned after the outbox retention.
CREATE TABLE network_events (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    server      VARCHAR(64) NOT NULL,
    received_at BIGINT      NOT NULL
);
CREATE INDEX network_events_received ON network_events (received_at);
