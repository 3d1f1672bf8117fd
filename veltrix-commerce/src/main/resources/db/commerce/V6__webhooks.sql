-- Outgoing webhooks: each order event once per endpoint, with its attempts, so a failed delivery is retried
-- with growing pauses and an operator can send it again.
CREATE TABLE commerce_webhooks (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    endpoint     VARCHAR(500) NOT NULL,
    event_id     VARCHAR(36)  NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    body         ${text}      NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    attempts     INTEGER      NOT NULL,
    next_at      BIGINT       NOT NULL,
    last_code    INTEGER,
    last_error   VARCHAR(500),
    created_at   BIGINT       NOT NULL,
    delivered_at BIGINT
);
CREATE UNIQUE INDEX commerce_webhooks_once ON commerce_webhooks (endpoint, event_id);
CREATE INDEX commerce_webhooks_due ON commerce_webhooks (status, next_at);
