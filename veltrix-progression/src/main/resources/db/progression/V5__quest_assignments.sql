-- The quests players have: each board's quests for its period, made from the content version live when the board
-- was made (kept: a player finishes a quest under the version they started it in). progress holds each objective's
-- count so far, in the quest's order ("3,0,1"); applied_seq the last outbox event applied to it, so a batch read
-- again (a feed's cursor lost) counts nothing twice. A board is made once per player and period (the unique key).
CREATE TABLE quest_assignments (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    player       VARCHAR(36)  NOT NULL,
    board        VARCHAR(8)   NOT NULL,
    period       INTEGER      NOT NULL,
    ends_at      BIGINT       NOT NULL,
    version      INTEGER      NOT NULL,
    quest        VARCHAR(64)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    definition   ${text}      NOT NULL,
    progress     VARCHAR(400) NOT NULL,
    applied_seq  BIGINT       NOT NULL,
    assigned_at  BIGINT       NOT NULL,
    completed_at BIGINT,
    rewarded_at  BIGINT
);
CREATE UNIQUE INDEX quest_assignments_board ON quest_assignments (player, board, period, quest);
CREATE INDEX quest_assignments_player ON quest_assignments (player, state);
CREATE INDEX quest_assignments_unrewarded ON quest_assignments (state, rewarded_at);
