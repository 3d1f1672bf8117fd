-- The double entry is the transfer itself: its payer is debited and its payee credited by its amount, as the fastest
-- ledgers keep it (a transfer with a debit and a credit account). ledger_entries repeated every transfer as two rows
-- keyed by account: one random page per entry on every group commit, and the largest table of every backup. It goes.
-- An account's history is read newest first by following links instead: each balance row holds the newest transfer of
-- its (account, currency), and each transfer the payer's (prev_from) and the payee's (prev_to) transfer before it in
-- the same currency. The balance row is rewritten by every transfer anyway, and the links ride on the transfer row,
-- which is appended in id order (UUIDv7): a posting writes no page of its own for them.
ALTER TABLE ledger_balances ADD COLUMN last_transfer VARCHAR(36);
ALTER TABLE ledger_transfers ADD COLUMN prev_from VARCHAR(36);
ALTER TABLE ledger_transfers ADD COLUMN prev_to VARCHAR(36);

CREATE TABLE ledger_links (
    transfer_id VARCHAR(36) NOT NULL,
    account     VARCHAR(64) NOT NULL,
    prev        VARCHAR(36),
    PRIMARY KEY (transfer_id, account)
) ${without_rowid};

INSERT INTO ledger_links (transfer_id, account, prev)
SELECT transfer_id, account, LAG(transfer_id) OVER (PARTITION BY account, currency ORDER BY transfer_id)
FROM ledger_entries;

UPDATE ledger_transfers SET
    prev_from = (SELECT l.prev FROM ledger_links l
                 WHERE l.transfer_id = ledger_transfers.id AND l.account = ledger_transfers.from_account),
    prev_to = (SELECT l.prev FROM ledger_links l
               WHERE l.transfer_id = ledger_transfers.id AND l.account = ledger_transfers.to_account);

UPDATE ledger_balances SET last_transfer = (
    SELECT MAX(e.transfer_id) FROM ledger_entries e
    WHERE e.account = ledger_balances.account AND e.currency = ledger_balances.currency);

DROP TABLE ledger_links;
DROP TABLE ledger_entries;
