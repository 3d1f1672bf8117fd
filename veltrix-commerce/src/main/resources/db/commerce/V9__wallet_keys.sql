-- Wallet keys an operator entered in the console; they take the place of the configured ones for their chain.
CREATE TABLE commerce_wallet_keys (
    chain       VARCHAR(16)  NOT NULL PRIMARY KEY,
    account_key VARCHAR(200) NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL,
    updated_at  BIGINT       NOT NULL
);
