-- Players' reports of chat messages for staff to review, and the staff members who read party and
-- direct messages (chat spy).
CREATE TABLE network_chat_reports (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    message_id  VARCHAR(36)  NOT NULL,
    reporter    VARCHAR(36)  NOT NULL,
    reported    VARCHAR(36)  NOT NULL,
    channel     VARCHAR(80)  NOT NULL,
    body        VARCHAR(512) NOT NULL,
    reason      VARCHAR(200) NOT NULL,
    created_at  BIGINT       NOT NULL,
    resolved_by VARCHAR(64),
    resolution  VARCHAR(200),
    resolved_at BIGINT
);
CREATE UNIQUE INDEX network_chat_reports_once ON network_chat_reports (message_id, reporter);
CREATE INDEX network_chat_reports_open ON network_chat_reports (resolved_at, created_at);

CREATE TABLE network_chat_spies (
    player VARCHAR(36) NOT NULL PRIMARY KEY,
    since  BIGINT      NOT NULL
);
