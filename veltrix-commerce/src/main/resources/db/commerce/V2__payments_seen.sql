-- When each payment to one of the store's addresses was first seen, kept across restarts: a payment seen in
-- the mempool before its invoice expired stays on time however late its block comes, or a watcher restarts.
CREATE TABLE commerce_payments_seen (
    txid       VARCHAR(100) NOT NULL,
    address    VARCHAR(64)  NOT NULL,
    first_seen BIGINT       NOT NULL,
    PRIMARY KEY (txid, address)
);
