-- Quest content, versioned. One draft at a time (saving replaces it), one published version; published ones are
-- kept (retired when another is published) because players on a quest keep the version they started. Each node is
-- kept with its fields as JSON, in file order; each edge as a row.
CREATE TABLE quest_versions (
    version      INTEGER      NOT NULL PRIMARY KEY,
    state        VARCHAR(16)  NOT NULL,
    level_cap    INTEGER      NOT NULL,
    budgets      VARCHAR(200) NOT NULL,
    boards       VARCHAR(200) NOT NULL,
    nodes        INTEGER      NOT NULL,
    edges        INTEGER      NOT NULL,
    saved_by     VARCHAR(64)  NOT NULL,
    saved_at     BIGINT       NOT NULL,
    published_at BIGINT
);

CREATE TABLE quest_nodes (
    version INTEGER     NOT NULL,
    seq     INTEGER     NOT NULL,
    id      VARCHAR(64) NOT NULL,
    type    VARCHAR(16) NOT NULL,
    body    ${text}     NOT NULL,
    PRIMARY KEY (version, seq)
);

CREATE TABLE quest_edges (
    version INTEGER     NOT NULL,
    seq     INTEGER     NOT NULL,
    from_id VARCHAR(64) NOT NULL,
    type    VARCHAR(16) NOT NULL,
    to_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (version, seq)
);
