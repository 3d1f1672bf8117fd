-- The dynamic shop. Balances live in the ledger only; these tables hold item rules, the trade
-- record written in the same transaction as each payment, and one-minute price candles.
CREATE TABLE market_items (
    id                VARCHAR(64)  NOT NULL PRIMARY KEY,
    name              VARCHAR(100) NOT NULL,
    currency          VARCHAR(16)  NOT NULL,
    model             VARCHAR(8)   NOT NULL,
    base_price        BIGINT       NOT NULL,
    sensitivity       VARCHAR(40)  NOT NULL,
    floor_price       BIGINT       NOT NULL,
    ceiling_price     BIGINT       NOT NULL,
    stock             BIGINT       NOT NULL,
    half_life_minutes INTEGER      NOT NULL,
    spread_bps        INTEGER      NOT NULL,
    max_move_percent  INTEGER      NOT NULL,
    window_minutes    INTEGER      NOT NULL,
    daily_buy_limit   BIGINT       NOT NULL,
    daily_sell_limit  BIGINT       NOT NULL,
    buys_back         INTEGER      NOT NULL,
    updated_at        BIGINT       NOT NULL
);

CREATE TABLE market_trades (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    request_key VARCHAR(200) NOT NULL,
    item        VARCHAR(64)  NOT NULL,
    player      VARCHAR(36)  NOT NULL,
    side        VARCHAR(4)   NOT NULL,
    quantity    BIGINT       NOT NULL,
    total       BIGINT       NOT NULL,
    currency    VARCHAR(16)  NOT NULL,
    price_after BIGINT       NOT NULL,
    withheld    BIGINT       NOT NULL,
    traded_at   BIGINT       NOT NULL
);
CREATE UNIQUE INDEX market_trades_request ON market_trades (request_key);
CREATE INDEX market_trades_item_time ON market_trades (item, traded_at);
CREATE INDEX market_trades_player ON market_trades (player, item, traded_at);

CREATE TABLE market_candles (
    item         VARCHAR(64) NOT NULL,
    bucket_start BIGINT      NOT NULL,
    open_price   BIGINT      NOT NULL,
    high_price   BIGINT      NOT NULL,
    low_price    BIGINT      NOT NULL,
    close_price  BIGINT      NOT NULL,
    volume       BIGINT      NOT NULL,
    PRIMARY KEY (item, bucket_start)
) ${without_rowid};
