-- Ether has no index by address: the watcher reads each block once and keeps the transfers to the store's
-- addresses it finds, and how far it has read, so after downtime it goes on from where it stopped.
CREATE TABLE commerce_chain_cursors (
    name       VARCHAR(40) NOT NULL PRIMARY KEY,
    block      BIGINT      NOT NULL,
    updated_at BIGINT      NOT NULL
);

CREATE TABLE commerce_eth_transfers (
    txid    VARCHAR(66)  NOT NULL PRIMARY KEY,
    address VARCHAR(42)  NOT NULL,
    amount  VARCHAR(80)  NOT NULL,
    block   BIGINT       NOT NULL
);
CREATE INDEX commerce_eth_transfers_address ON commerce_eth_transfers (address);
