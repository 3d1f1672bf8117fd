-- The delivery queue serves more than orders: a battle-pass tier's command or item reaches the player's server the
-- same way a purchase does. Such a delivery has no order; its reference (unique) names what it delivers, so queueing
-- the same reward twice gives one delivery. SQLite cannot relax NOT NULL in place, hence the copy.
CREATE TABLE commerce_deliveries_v10 (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    order_id     VARCHAR(36),
    reference    VARCHAR(160),
    player       VARCHAR(36)  NOT NULL,
    player_name  VARCHAR(32)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    grp          VARCHAR(32)  NOT NULL,
    command      VARCHAR(512) NOT NULL,
    when_online  INTEGER      NOT NULL,
    due_at       BIGINT       NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    target       VARCHAR(64),
    attempts     INTEGER      NOT NULL,
    announced_at BIGINT,
    done_at      BIGINT,
    done_by      VARCHAR(64)
);
INSERT INTO commerce_deliveries_v10 (id, order_id, player, player_name, kind, grp, command, when_online, due_at, status,
                                     target, attempts, announced_at, done_at, done_by)
SELECT id, order_id, player, player_name, kind, grp, command, when_online, due_at, status,
       target, attempts, announced_at, done_at, done_by FROM commerce_deliveries;
DROP TABLE commerce_deliveries;
ALTER TABLE commerce_deliveries_v10 RENAME TO commerce_deliveries;
CREATE INDEX commerce_deliveries_pending ON commerce_deliveries (status, due_at);
CREATE INDEX commerce_deliveries_player ON commerce_deliveries (player, status);
CREATE INDEX commerce_deliveries_order ON commerce_deliveries (order_id);
CREATE UNIQUE INDEX commerce_deliveries_reference ON commerce_deliveries (reference);
