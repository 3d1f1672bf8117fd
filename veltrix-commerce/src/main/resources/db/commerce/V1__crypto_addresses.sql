-- The operator's extended public keys, each with the next derivation index to hand out, and every address
-- handed out: one per order, never reused (the primary key and the unique address make a reuse impossible).
CREATE TABLE commerce_wallets (
    id          VARCHAR(16)  NOT NULL PRIMARY KEY,
    chain       VARCHAR(16)  NOT NULL,
    account_key VARCHAR(120) NOT NULL,
    next_index  INTEGER      NOT NULL,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE commerce_addresses (
    wallet_id  VARCHAR(16) NOT NULL,
    idx        INTEGER     NOT NULL,
    address    VARCHAR(64) NOT NULL,
    order_ref  VARCHAR(64) NOT NULL,
    created_at BIGINT      NOT NULL,
    paid_at    BIGINT,
    PRIMARY KEY (wallet_id, idx)
);
CREATE UNIQUE INDEX commerce_addresses_address ON commerce_addresses (address);
CREATE UNIQUE INDEX commerce_addresses_order ON commerce_addresses (wallet_id, order_ref);
