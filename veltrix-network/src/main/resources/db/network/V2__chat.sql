-- Cross-server chat: every message kept for the channel's history (pruned to the newest per channel by
-- the service), and timed mutes.
CREATE TABLE network_chat (
    id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    channel VARCHAR(80)  NOT NULL,
    sender  VARCHAR(36)  NOT NULL,
    body    VARCHAR(512) NOT NULL,
    at      BIGINT       NOT NULL
);
CREATE INDEX network_chat_channel ON network_chat (channel, id);

CREATE TABLE network_mutes (
    player VARCHAR(36)  NOT NULL PRIMARY KEY,
    until  BIGINT       NOT NULL,
    reason VARCHAR(200) NOT NULL
);
