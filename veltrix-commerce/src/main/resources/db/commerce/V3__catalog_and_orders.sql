-- The store's catalog, its orders and what they deliver. Prices and amounts are whole minor units (cents for a
-- fiat currency, the ledger's smallest unit for a game currency); crypto amounts are base units (satoshi, wei)
-- kept as decimal text because they outgrow BIGINT.
CREATE TABLE commerce_categories (
    id         VARCHAR(40) NOT NULL PRIMARY KEY,
    name       VARCHAR(80) NOT NULL,
    position   INTEGER     NOT NULL,
    updated_at BIGINT      NOT NULL
);

CREATE TABLE commerce_packages (
    id                VARCHAR(40)  NOT NULL PRIMARY KEY,
    category          VARCHAR(40)  NOT NULL,
    name              VARCHAR(80)  NOT NULL,
    description       VARCHAR(2000) NOT NULL,
    currency          VARCHAR(16)  NOT NULL,
    price             BIGINT       NOT NULL,
    stock             INTEGER,
    per_player_limit  INTEGER,
    duration_days     INTEGER,
    deliverables      ${text}      NOT NULL,
    active            INTEGER      NOT NULL,
    updated_at        BIGINT       NOT NULL
);
CREATE INDEX commerce_packages_category ON commerce_packages (category);

CREATE TABLE commerce_coupons (
    code        VARCHAR(40)  NOT NULL PRIMARY KEY,
    percent_off INTEGER,
    amount_off  BIGINT,
    currency    VARCHAR(16),
    scope       VARCHAR(1000) NOT NULL,
    expires_at  BIGINT,
    max_uses    INTEGER,
    uses        INTEGER      NOT NULL,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE commerce_sales (
    id          VARCHAR(40)   NOT NULL PRIMARY KEY,
    name        VARCHAR(80)   NOT NULL,
    percent_off INTEGER       NOT NULL,
    scope       VARCHAR(1000) NOT NULL,
    starts_at   BIGINT        NOT NULL,
    ends_at     BIGINT        NOT NULL
);

CREATE TABLE commerce_gift_cards (
    code       VARCHAR(40) NOT NULL PRIMARY KEY,
    currency   VARCHAR(16) NOT NULL,
    initial    BIGINT      NOT NULL,
    balance    BIGINT      NOT NULL,
    created_at BIGINT      NOT NULL
);

CREATE TABLE commerce_orders (
    id               VARCHAR(36) NOT NULL PRIMARY KEY,
    player           VARCHAR(36) NOT NULL,
    player_name      VARCHAR(32) NOT NULL,
    currency         VARCHAR(16) NOT NULL,
    subtotal         BIGINT      NOT NULL,
    discount         BIGINT      NOT NULL,
    coupon           VARCHAR(40),
    gift_card        VARCHAR(40),
    gift_card_amount BIGINT      NOT NULL,
    total            BIGINT      NOT NULL,
    rail             VARCHAR(16) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    created_at       BIGINT      NOT NULL,
    expires_at       BIGINT      NOT NULL,
    settled_at       BIGINT
);
CREATE INDEX commerce_orders_player ON commerce_orders (player, created_at);
CREATE INDEX commerce_orders_open ON commerce_orders (status, expires_at);

CREATE TABLE commerce_order_lines (
    order_id   VARCHAR(36) NOT NULL,
    package_id VARCHAR(40) NOT NULL,
    name       VARCHAR(80) NOT NULL,
    quantity   INTEGER     NOT NULL,
    unit_price BIGINT      NOT NULL,
    PRIMARY KEY (order_id, package_id)
);
CREATE INDEX commerce_order_lines_package ON commerce_order_lines (package_id);

-- An order's timeline: every change with when and why, in order.
CREATE TABLE commerce_order_events (
    order_id VARCHAR(36)  NOT NULL,
    seq      INTEGER      NOT NULL,
    at       BIGINT       NOT NULL,
    kind     VARCHAR(32)  NOT NULL,
    detail   VARCHAR(1000) NOT NULL,
    PRIMARY KEY (order_id, seq)
);

CREATE TABLE commerce_invoices (
    order_id    VARCHAR(36) NOT NULL PRIMARY KEY,
    asset       VARCHAR(8)  NOT NULL,
    address     VARCHAR(64) NOT NULL,
    amount      VARCHAR(80) NOT NULL,
    rate        VARCHAR(80) NOT NULL,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL,
    status      VARCHAR(16) NOT NULL,
    received    VARCHAR(80) NOT NULL,
    flags       VARCHAR(64) NOT NULL,
    checked_at  BIGINT      NOT NULL
);
CREATE INDEX commerce_invoices_status ON commerce_invoices (status);

-- What settled orders deliver: commands for game servers (run once by id, acknowledged), and grants Veltrix
-- applies itself. A timed package's expiry commands wait here until due_at.
CREATE TABLE commerce_deliveries (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    order_id     VARCHAR(36)  NOT NULL,
    player       VARCHAR(36)  NOT NULL,
    player_name  VARCHAR(32)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    grp          VARCHAR(32)  NOT NULL,
    command      VARCHAR(512) NOT NULL,
    when_online  INTEGER      NOT NULL,
    due_at       BIGINT       NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    target       VARCHAR(64),
    attempts     INTEGER      NOT NULL,
    announced_at BIGINT,
    done_at      BIGINT,
    done_by      VARCHAR(64)
);
CREATE INDEX commerce_deliveries_pending ON commerce_deliveries (status, due_at);
CREATE INDEX commerce_deliveries_player ON commerce_deliveries (player, status);
CREATE INDEX commerce_deliveries_order ON commerce_deliveries (order_id);
