-- The ledger. Balances are a projection of entries kept in the same transaction, so a balance
-- check is one indexed row and the books can still be re-added from the entries by `veltrix verify`.
CREATE TABLE ledger_currencies (
    code       VARCHAR(16) NOT NULL PRIMARY KEY,
    name       VARCHAR(64) NOT NULL,
    decimals   INTEGER     NOT NULL,
    created_at BIGINT      NOT NULL
);

CREATE TABLE ledger_balances (
    account  VARCHAR(64) NOT NULL,
    currency VARCHAR(16) NOT NULL,
    balance  BIGINT      NOT NULL,
    PRIMARY KEY (account, currency)
) ${without_rowid};
-- No index on balance: it would be rewritten on every transfer (and on PostgreSQL turn every balance
-- update into a non-HOT update). Leaderboards scan one currency's rows and are cached briefly instead.

CREATE TABLE ledger_transfers (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    posting_id   VARCHAR(36)  NOT NULL,
    leg          INTEGER      NOT NULL,
    from_account VARCHAR(64)  NOT NULL,
    to_account   VARCHAR(64)  NOT NULL,
    currency     VARCHAR(16)  NOT NULL,
    amount       BIGINT       NOT NULL,
    reference    VARCHAR(200),
    metadata     ${text},
    posted_at    BIGINT       NOT NULL
) ${without_rowid};
CREATE INDEX ix_ledger_transfers_posting ON ledger_transfers (posting_id);

-- Two entries per transfer (debit and credit): an account's history is one index range.
CREATE TABLE ledger_entries (
    account     VARCHAR(64) NOT NULL,
    transfer_id VARCHAR(36) NOT NULL,
    currency    VARCHAR(16) NOT NULL,
    delta       BIGINT      NOT NULL,
    PRIMARY KEY (account, transfer_id)
) ${without_rowid};

CREATE TABLE ledger_idempotency (
    idem_key     VARCHAR(200) NOT NULL PRIMARY KEY,
    request_hash VARCHAR(64)  NOT NULL,
    posting_id   VARCHAR(36)  NOT NULL,
    created_at   BIGINT       NOT NULL
) ${without_rowid};
