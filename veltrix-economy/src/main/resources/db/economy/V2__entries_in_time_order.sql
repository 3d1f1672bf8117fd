-- Ledger entries in the order they are posted, so a group commit appends its entries at the end of one B-tree instead
-- of writing one random page per entry of an index by account that grows with every transfer. The key is
-- (transfer_id, account): transfer ids are UUIDv7 and rise with time. An account's history is read newest first by
-- following links: each balance row holds the newest transfer of its (account, currency), and each entry the transfer
-- of the same account and currency before it (prev_transfer). The balance row is written by every transfer anyway,
-- so the link costs no page of its own.
ALTER TABLE ledger_balances ADD COLUMN last_transfer VARCHAR(36);

CREATE TABLE ledger_entries_v2 (
    transfer_id   VARCHAR(36) NOT NULL,
    account       VARCHAR(64) NOT NULL,
    currency      VARCHAR(16) NOT NULL,
    delta         BIGINT      NOT NULL,
    prev_transfer VARCHAR(36),
    PRIMARY KEY (transfer_id, account)
) ${without_rowid};

INSERT INTO ledger_entries_v2 (transfer_id, account, currency, delta, prev_transfer)
SELECT transfer_id, account, currency, delta,
       LAG(transfer_id) OVER (PARTITION BY account, currency ORDER BY transfer_id)
FROM ledger_entries;

UPDATE ledger_balances SET last_transfer = (
    SELECT MAX(e.transfer_id) FROM ledger_entries e
    WHERE e.account = ledger_balances.account AND e.currency = ledger_balances.currency);

DROP TABLE ledger_entries;
ALTER TABLE ledger_entries_v2 RENAME TO ledger_entries;
