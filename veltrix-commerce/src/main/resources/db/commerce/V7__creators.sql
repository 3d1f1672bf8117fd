-- Creators whose packages share in the revenue: their earnings accrue in ledger accounts (system:creator:<id>),
-- so statements and payouts are ledger history.
CREATE TABLE commerce_creators (
    id         VARCHAR(40) NOT NULL PRIMARY KEY,
    name       VARCHAR(80) NOT NULL,
    created_at BIGINT      NOT NULL
);

CREATE TABLE commerce_package_creators (
    package_id VARCHAR(40) NOT NULL PRIMARY KEY,
    creator_id VARCHAR(40) NOT NULL,
    percent    INTEGER     NOT NULL
);
