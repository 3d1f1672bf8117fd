-- The player exchange. Orders are the engine's place inputs (immutable columns) plus their
-- progress (filled, spent, status), written with the escrow and settlement transfers that move
-- their money. Cancels are inputs too. Replaying places and cancels in seq order rebuilds the book.
CREATE TABLE exchange_pairs (
    id           VARCHAR(40) NOT NULL PRIMARY KEY,
    base         VARCHAR(16) NOT NULL,
    quote        VARCHAR(16) NOT NULL,
    tick_size    BIGINT      NOT NULL,
    min_quantity BIGINT      NOT NULL,
    fee_bps      INTEGER     NOT NULL
);

CREATE TABLE exchange_orders (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    pair        VARCHAR(40)  NOT NULL,
    seq         BIGINT       NOT NULL,
    player      VARCHAR(36)  NOT NULL,
    side        VARCHAR(4)   NOT NULL,
    order_type  VARCHAR(6)   NOT NULL,
    price       BIGINT       NOT NULL,
    quantity    BIGINT       NOT NULL,
    max_total   BIGINT       NOT NULL,
    filled      BIGINT       NOT NULL,
    spent       BIGINT       NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    client_key  VARCHAR(100) NOT NULL,
    created_at  BIGINT       NOT NULL,
    expires_at  BIGINT,
    settled     INTEGER      NOT NULL
);
CREATE UNIQUE INDEX exchange_orders_seq ON exchange_orders (pair, seq);
CREATE UNIQUE INDEX exchange_orders_key ON exchange_orders (pair, client_key);
CREATE INDEX exchange_orders_player ON exchange_orders (pair, player, seq);

CREATE TABLE exchange_cancels (
    pair      VARCHAR(40) NOT NULL,
    seq       BIGINT      NOT NULL,
    order_seq BIGINT      NOT NULL,
    reason    VARCHAR(16) NOT NULL,
    at        BIGINT      NOT NULL,
    PRIMARY KEY (pair, seq)
);

CREATE TABLE exchange_trades (
    pair       VARCHAR(40) NOT NULL,
    seq        BIGINT      NOT NULL,
    price      BIGINT      NOT NULL,
    quantity   BIGINT      NOT NULL,
    buy_order  VARCHAR(36) NOT NULL,
    sell_order VARCHAR(36) NOT NULL,
    buyer      VARCHAR(36) NOT NULL,
    seller     VARCHAR(36) NOT NULL,
    taker_side VARCHAR(4)  NOT NULL,
    fee        BIGINT      NOT NULL,
    at         BIGINT      NOT NULL,
    PRIMARY KEY (pair, seq)
);
