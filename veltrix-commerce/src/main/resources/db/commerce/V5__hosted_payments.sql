-- Orders paid through a hosted processor (NOWPayments): the processor's invoice and where it stands, and every
-- callback received, valid or not, so forged and replayed ones can be looked at.
CREATE TABLE commerce_hosted_payments (
    order_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    provider    VARCHAR(16)  NOT NULL,
    invoice_id  VARCHAR(64)  NOT NULL,
    invoice_url VARCHAR(500) NOT NULL,
    payment_id  VARCHAR(64),
    status      VARCHAR(32)  NOT NULL,
    updated_at  BIGINT       NOT NULL
);

CREATE TABLE commerce_callbacks (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    provider    VARCHAR(16)   NOT NULL,
    received_at BIGINT        NOT NULL,
    order_id    VARCHAR(36),
    payment_id  VARCHAR(64),
    status      VARCHAR(32),
    outcome     VARCHAR(32)   NOT NULL,
    detail      VARCHAR(500)  NOT NULL
);
CREATE INDEX commerce_callbacks_received ON commerce_callbacks (received_at);
